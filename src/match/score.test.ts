import { describe, expect, it } from "vitest";
import { scorePair } from "./score.js";
import type { MatchQuery } from "./types.js";

const person = (name: string, extra: Record<string, string[]> = {}): MatchQuery => ({
  schema: "Person",
  properties: { name: [name], ...extra },
});
const company = (name: string, extra: Record<string, string[]> = {}): MatchQuery => ({
  schema: "Company",
  properties: { name: [name], ...extra },
});

describe("scorePair", () => {
  it("does not align short words on a two-letter phonetic key (a demo false positive)", () => {
    const result = scorePair(person("陈海涛"), person("ZEIN, Hajj"));
    expect(result.explanation[0]?.detail).toBe("chen hai tao | zein hajj: hai~hajj=0.97");
    expect(result.score).toBeLessThan(0.7);
  });

  it("explains a cross-script person match feature by feature", () => {
    expect(scorePair(person("Владимир Владимирович Путин"), person("Putin, Vladimir"))).toEqual({
      score: 0.9153,
      features: { name_similarity: 0.9152532169364201 },
      explanation: [
        {
          name: "name_similarity",
          value: 0.9152532169364201,
          weight: 1,
          contribution: 0.9152532169364201,
          detail:
            "vladimir vladimirovich putin | putin vladimir: putin~putin=1.00 vladimir~vladimir=1.00",
        },
      ],
    });
  });

  it("ranks name variants, typos and different people", () => {
    const pairs: [MatchQuery, MatchQuery][] = [
      [person("Sergei Lavrov"), person("Sergey Lavrov")],
      [person("Alexander Luakshenko"), person("Alexander Lukashenko")],
      [person("V. Putin"), person("Vladimir Putin")],
      [person("VladimirPutin"), person("Vladimir Putin")],
      [person("Barack Obama"), person("Michelle Obama")],
      [person("Sergey Viktorovich Lavrov"), person("Sergey Ivanovich Lavrov")],
    ];
    expect(pairs.map(([a, b]) => scorePair(a, b).score)).toEqual([
      0.9913, 0.9289, 0.9658, 0.97, 0.1852, 0.4507,
    ]);
  });

  it("compares companies without their legal forms and penalises different forms", () => {
    const pairs: [MatchQuery, MatchQuery][] = [
      [company("ООО «Купол»"), company("Kupol LLC")],
      [
        company("JSC Tactical Missiles Corporation"),
        company("Tactical Missiles Corporation Joint Stock Company"),
      ],
      [company("Deutsche Bank AG"), company("Deutsche Bank GmbH")],
    ];
    expect(
      pairs.map(([a, b]) => [scorePair(a, b).score, Object.keys(scorePair(a, b).features)]),
    ).toEqual([
      [1, ["name_similarity"]],
      [1, ["name_similarity"]],
      [0.65, ["name_similarity", "legal_form_mismatch"]],
    ]);
  });

  it("weighs identifiers, countries, dates and schemata", () => {
    const inn = { innCode: ["1831083343"] };
    const results = [
      scorePair(company("Kupol", inn), company("IEMZ Kupol JSC", inn)),
      scorePair(company("Kupol", inn), company("Kupol", { innCode: ["7700000000"] })),
      scorePair(
        person("Ivan Petrov", { country: ["ru"] }),
        person("Ivan Petrov", { country: ["ua"] }),
      ),
      scorePair(
        person("Ivan Petrov", { birthDate: ["1970-01-02"] }),
        person("Ivan Petrov", { birthDate: ["1981"] }),
      ),
      scorePair(person("Kupol"), company("Kupol")),
    ];
    expect(results.map((result) => [result.score, result.features])).toEqual([
      [1, { name_similarity: 0.45454545454545453, identifier_match: 1 }],
      [0.75, { name_similarity: 1, identifier_conflict: 1 }],
      [0.9, { name_similarity: 1, country_mismatch: 1 }],
      [0.75, { name_similarity: 1, date_mismatch: 1 }],
      [0, { name_similarity: 1, schema_mismatch: 1 }],
    ]);
  });
});

describe("scorePair on name structure", () => {
  const organization = (name: string): MatchQuery => ({
    schema: "Organization",
    properties: { name: [name] },
  });
  const score = (a: MatchQuery, b: MatchQuery) => scorePair(a, b).score;

  it("pairs differing series numbers instead of treating them as two different words", () => {
    expect([
      score(company("Carlyle Partners VII L.P."), company("Carlyle Partners VIII L.P.")),
      score(company("Carlyle Partners L.P."), company("Blackstone Partners L.P.")),
    ]).toEqual([0.8077, 0.1489]);
  });

  it("spells dotted abbreviations as initials, all of them or none", () => {
    expect([
      score(
        organization("U.S. Department of State"),
        organization("United States Department of State"),
      ),
      score(company("A.B.C. Company"), company("Acme Bolts Company")),
      score(company("A.B.C. Company"), company("ABC Company")),
    ]).toEqual([0.9609, 0.5402, 1]);
  });

  it("pairs a father's name only with a father's name", () => {
    expect([
      score(person("Salman bin Muhammad al-Rawi"), person("Muhammad bin Salman al-Rawi")),
      score(person("Osama bin Laden"), person("Usama bin Muhammad ibn Awad ibn Ladin")),
    ]).toEqual([0.1429, 0.7168]);
  });

  it("weighs common name words less than rare ones", () => {
    expect([
      score(person("Mohammad Reza Tabrizi"), person("Mohammad Reza Karimi")),
      score(person("Janan Mohammad Ahmed Agha"), person("Janan Agha")),
    ]).toEqual([0.1839, 0.8029]);
  });
});
