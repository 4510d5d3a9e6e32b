import { describe, expect, it } from "vitest";
import { statedSha256 } from "./download.js";
import { officialLists, resolveLists } from "./official-lists.js";

describe("resolveLists", () => {
  it("keeps the official URLs without overrides", () => {
    expect(resolveLists(["un_sc_sanctions"], {})).toEqual([
      {
        name: "un_sc_sanctions",
        title: "UN Security Council Consolidated List",
        files: {
          "consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
        },
      },
    ]);
    expect(resolveLists([], {}).map((list) => list.name)).toEqual(
      officialLists.map((list) => list.name),
    );
  });

  it("points every list at a mirror, and one list at its own override", () => {
    const env = {
      SANCTRACE_LIST_BASE_URL: "http://127.0.0.1:9/mirror/",
      SANCTRACE_LIST_URL_US_BIS_DPL: "http://127.0.0.1:9/dpl",
    };
    const files = resolveLists(["us_ofac_sdn", "us_bis_dpl"], env).map((list) => list.files);
    expect(files).toEqual([
      {
        "sdn.csv": "http://127.0.0.1:9/mirror/us_ofac_sdn/sdn.csv",
        "add.csv": "http://127.0.0.1:9/mirror/us_ofac_sdn/add.csv",
        "alt.csv": "http://127.0.0.1:9/mirror/us_ofac_sdn/alt.csv",
        "sdn_comments.csv": "http://127.0.0.1:9/mirror/us_ofac_sdn/sdn_comments.csv",
      },
      { "dpl.txt": "http://127.0.0.1:9/dpl/dpl.txt" },
    ]);
  });

  it("refuses an unknown list with the known names", () => {
    expect(() => resolveLists(["nope"], {})).toThrow(
      /no official list "nope"; known: us_ofac_sdn, us_ofac_cons/,
    );
  });
});

describe("statedSha256", () => {
  it("reads RFC 9530 and RFC 3230 digests as hex", () => {
    const base64 = Buffer.from("ab".repeat(32), "hex").toString("base64");
    expect(statedSha256(new Headers({ "repr-digest": `sha-256=:${base64}:` }))).toBe(
      "ab".repeat(32),
    );
    expect(statedSha256(new Headers({ digest: `SHA-256=${base64}` }))).toBe("ab".repeat(32));
    expect(statedSha256(new Headers({ digest: "md5=abc" }))).toBeUndefined();
  });
});
