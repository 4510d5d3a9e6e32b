import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { probeFile, toSourceInputs } from "./files.js";
import type { SourceInput } from "./types.js";
import { readXmlRecords, xmlRootName } from "./xml-records.js";

async function inputOf(name: string, content: string | Buffer): Promise<SourceInput> {
  const path = join(mkdtempSync(join(tmpdir(), "sanctrace-xml-")), name);
  writeFileSync(path, content);
  const [input] = await toSourceInputs([await probeFile(path)]);
  return input!;
}

async function collect(file: SourceInput, records: string[]) {
  const nodes = [];
  for await (const batch of readXmlRecords(file, new Set(records))) nodes.push(...batch);
  return nodes;
}

async function failure(file: SourceInput): Promise<{ code: string; path: string }> {
  try {
    await collect(file, ["A"]);
  } catch (error) {
    const { code, path } = error as { code: string; path: string };
    return { code, path };
  }
  throw new Error("expected the read to fail");
}

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE LIST [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<LIST><A>&lol3;</A></LIST>
`;

const EXTERNAL = `<?xml version="1.0"?>
<!DOCTYPE LIST [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<LIST><A>&secret;</A></LIST>
`;

describe("readXmlRecords", () => {
  it("builds records with xpaths: positions for records and repeated siblings only", async () => {
    const file = await inputOf(
      "list.xml",
      "<L><S><A><N>x</N><V>1</V><V>2</V></A><A><N>y &amp; z</N></A></S><S><A/></S></L>",
    );
    const nodes = await collect(file, ["A"]);
    const paths = (node: (typeof nodes)[number]): unknown => [node.xpath, node.children.map(paths)];
    expect(nodes.map(paths)).toEqual([
      [
        "/L/S/A[1]",
        [
          ["/L/S/A[1]/N", []],
          ["/L/S/A[1]/V[1]", []],
          ["/L/S/A[1]/V[2]", []],
        ],
      ],
      ["/L/S/A[2]", [["/L/S/A[2]/N", []]]],
      ["/L/S[2]/A[1]", []],
    ]);
    expect(nodes[1]!.children[0]!.text).toBe("y & z");
  });

  it("refuses a billion-laughs DOCTYPE before expanding it", async () => {
    expect(await failure(await inputOf("bomb.xml", LAUGHS))).toEqual({
      code: "xml_doctype_refused",
      path: "bomb.xml line:6",
    });
  });

  it("refuses external entities", async () => {
    expect(await failure(await inputOf("xxe.xml", EXTERNAL))).toEqual({
      code: "xml_doctype_refused",
      path: "xxe.xml line:2",
    });
  });

  it("refuses malformed XML at the line of the fault", async () => {
    const file = await inputOf("bad.xml", "<L>\n<A>\n<N>x</M>\n</A>\n</L>\n");
    expect(await failure(file)).toEqual({ code: "xml_malformed", path: "bad.xml line:3" });
  });

  it("refuses a truncated file at its last line", async () => {
    const file = await inputOf("cut.xml", "<L>\n<A><N>x</N></A>\n<A><N>y</N>");
    expect(await failure(file)).toEqual({ code: "xml_malformed", path: "cut.xml line:3" });
  });

  it("refuses invalid UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from("<L>\n<A>"),
      Buffer.from([0xc3, 0x28]),
      Buffer.from("</A></L>"),
    ]);
    expect(await failure(await inputOf("latin.xml", bytes))).toEqual({
      code: "encoding_invalid_utf8",
      path: "latin.xml line:2",
    });
  });
});

describe("xmlRootName", () => {
  it("skips the declaration, comments and a DOCTYPE", () => {
    expect(
      xmlRootName('<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE X [<!ENTITY a "b">]>\n<X a="1">'),
    ).toBe("X");
    expect(xmlRootName("not xml")).toBeUndefined();
  });
});
