import { describe, expect, it } from "vitest";
import { fileInput, foldAll, readStatements } from "../../test/helpers/read-format.js";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { makeId } from "../model/index.js";
import { usFrEntityListFormat } from "./us-fr-entity-list.js";

describe.skipIf(skipWithoutShared)("Federal Register Entity List rule reader", () => {
  it("reads the rule's added entities, one per name across destinations", async () => {
    const path = sharedPath(
      "us_bis_trade",
      "federal_register_2023-03929_entity_list_additions.xml",
    );
    const file = await fileInput(path);
    expect(usFrEntityListFormat.claim([file])).toEqual([file]);
    const entities = foldAll(await readStatements(usFrEntityListFormat, [file]));
    const parties = [...entities.values()].filter((entity) => entity.schema !== "Sanction");
    // "adding 10 entities under 13 entries": China HEAD is listed under three destinations.
    expect(parties).toHaveLength(10);
    const head = entities.get(makeId("us-bis-el", "China HEAD Aerospace Technology Co"));
    expect(head?.properties.country).toEqual(["cn", "fr", "nl"]);
    expect(head?.properties.alias).toEqual([
      "China HEAD",
      "China HEAD Technology Co",
      "HEAD Aerospace",
      "HEAD Aerospace Group",
      "HEAD Aerospace Netherlands",
      "HEAD France",
      "HEAD Technology France",
    ]);
    expect(head?.properties.address).toHaveLength(3);
    const sanction = entities.get(`${head?.id}-sanction`);
    expect(sanction?.properties).toMatchObject({
      program: ["Entity List"],
      startDate: ["2023-02-24"],
      authorityId: ["Docket No. 230221-0050"],
    });
  });
});
