import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import type { EntityRecord } from "../model/index.js";
import { findRelationCues } from "./cues.js";
import { extractMentions } from "./extract-mentions.js";
import { buildLexicon, type Lexicon } from "./lexicon.js";
import type { FoundMention } from "./mention.js";

/** The Kupol plant as OFAC lists it (SDN 46431), and two other entries. */
const LIST: EntityRecord[] = [
  {
    id: "ofac-46431",
    schema: "Company",
    caption: "JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL",
    datasets: ["us_ofac_sdn"],
    properties: {
      name: ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"],
      alias: [
        "JSC IEMZ KUPOL",
        "AO IEMZ KUPOL",
        "AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL",
      ],
    },
  },
  {
    id: "ofac-46441",
    schema: "Company",
    caption: "TSK VEKTOR, OOO",
    datasets: ["us_ofac_sdn"],
    properties: { name: ["TSK VEKTOR, OOO"] },
  },
  {
    id: "test-zala",
    schema: "Company",
    caption: "ООО «Зала Аэро»",
    datasets: ["test"],
    properties: { name: ["ООО «Зала Аэро»"] },
  },
];

/** Mentions as [text at span, kind, resolved or country], checking each span holds its name. */
function summarize(text: string, mentions: FoundMention[]) {
  return mentions.map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.name);
    return [m.name, m.kind, m.resolved ?? m.country ?? ""];
  });
}

function relations(text: string, mentions: FoundMention[]) {
  return findRelationCues(text, mentions).map((c) => [c.subject.name, c.role, c.object.name]);
}

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await buildLexicon(LIST);
});

describe.skipIf(skipWithoutShared)("the Kupol article", () => {
  it("yields the plant, the firms, the drone models and the places, each at its span", () => {
    const text = readFileSync(sharedPath("articles", "2025-09-kupol-chinese-drones.txt"), "utf8");
    const mentions = extractMentions(text, lexicon);
    const distinct = new Map(summarize(text, mentions).map((row) => [row.join("|"), row]));
    expect([...distinct.values()]).toEqual([
      ["Izhevsk Electromechanical Plant “Kupol”", "entity", "ofac-46431"],
      ["Kupol", "entity", "ofac-46431"],
      ["China", "place", "cn"],
      ["Russia", "place", "ru"],
      ["Sichuan AEE", "organization", ""],
      ["Vector", "organization", ""],
      ["Harpy", "product", ""],
      ["Shahed", "product", ""],
      ["A140", "product", ""],
      ["A900", "product", ""],
      ["A60", "product", ""],
      ["A100", "product", ""],
      ["A200", "product", ""],
      ["Izhevsk", "place", "ru"],
      ["Chebarkul", "place", "ru"],
      ["Chelyabinsk region", "place", "ru"],
      ["Hunan Haotianyi", "organization", ""],
      ["HW52V", "product", ""],
      ["Beijing", "place", "cn"],
      ["Ukraine", "place", "ua"],
      ["Moscow", "place", "ru"],
    ]);
    expect(mentions.filter((m) => m.resolved === "ofac-46431")).toHaveLength(7);
    expect(relations(text, mentions)).toEqual([
      ["Kupol", "acquired", "Sichuan AEE"],
      ["Kupol", "produced", "Harpy"],
      ["Sichuan AEE", "delivered", "A140"],
      ["Sichuan AEE", "delivered", "A900"],
      ["Vector", "approved for testing", "HW52V"],
      ["Kupol", "approved for testing", "HW52V"],
    ]);
  });
});

describe("extractMentions on other texts", () => {
  it("finds a Latin list entry written in Cyrillic, with case endings, and Russian legal forms", () => {
    const text =
      "В 2024 году ООО «Альфа-Тех» поставило в Ижевск двигатели для ИЭМЗ Купол. Беспилотники «Гарпия-3» собирают в Ижевске, а АО «Вектор-М» оплатило поставку.";
    const mentions = extractMentions(text, lexicon);
    expect(summarize(text, mentions)).toEqual([
      ["ООО «Альфа-Тех»", "organization", ""],
      ["Ижевск", "place", "ru"],
      ["ИЭМЗ Купол", "entity", "ofac-46431"],
      ["Гарпия-3", "product", ""],
      ["Ижевске", "place", "ru"],
      ["АО «Вектор-М»", "organization", ""],
    ]);
    expect(relations(text, mentions)).toEqual([["ООО «Альфа-Тех»", "supplied", "Ижевск"]]);
  });

  it("finds a Cyrillic list entry written in Latin", () => {
    const text = "Zala Aero shipped parts to Tsk Vektor in Moscow.";
    const mentions = extractMentions(text, lexicon);
    expect(summarize(text, mentions)).toEqual([
      ["Zala Aero", "entity", "test-zala"],
      ["Tsk Vektor", "entity", "ofac-46441"],
      ["Moscow", "place", "ru"],
    ]);
    expect(relations(text, mentions)).toEqual([["Zala Aero", "shipped", "Tsk Vektor"]]);
  });

  it("finds Chinese companies by legal form, places in Chinese, and a cue", () => {
    const text = "湖南浩天翼航空科技有限公司向俄罗斯出口了HW52V无人机。该公司位于长沙。";
    const mentions = extractMentions(text, lexicon);
    expect(summarize(text, mentions)).toEqual([
      ["湖南浩天翼航空科技有限公司", "organization", ""],
      ["俄罗斯", "place", "ru"],
      ["HW52V", "product", ""],
      ["长沙", "place", "cn"],
    ]);
    expect(relations(text, mentions)).toEqual([
      ["湖南浩天翼航空科技有限公司", "exported", "HW52V"],
    ]);
  });

  it("finds English legal forms, keeps sentences apart, and turns passives around", () => {
    const text =
      "Shenzhen Kingfly Co., Ltd. sold 40 engines to Volga Trading LLC in March. Volga Trading LLC is owned by JSC Polyot, which paid the invoice in Dubai.";
    const mentions = extractMentions(text, lexicon);
    expect(summarize(text, mentions)).toEqual([
      ["Shenzhen Kingfly Co., Ltd.", "organization", ""],
      ["Volga Trading LLC", "organization", ""],
      ["Volga Trading LLC", "organization", ""],
      ["JSC Polyot", "organization", ""],
      ["Dubai", "place", "ae"],
    ]);
    expect(relations(text, mentions)).toEqual([
      ["Shenzhen Kingfly Co., Ltd.", "sold", "Volga Trading LLC"],
      ["JSC Polyot", "owns", "Volga Trading LLC"],
    ]);
  });
});
