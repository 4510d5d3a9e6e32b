import { describe, expect, it } from "vitest";
import { nameTokens, normalizeName, normalizeNameVariants } from "./normalize.js";
import { phoneticKey } from "./phonetic.js";
import { skeleton, squeezeRepeats } from "./skeleton.js";
import { transliterate } from "./transliterate.js";

describe("normalizeName", () => {
  it("folds width, case, diacritics and punctuation", () => {
    const names = [
      "Ｒｅｃｅｐ Tayyip ERDOĞAN",
      "Bashar al-'Assad",
      "A.B.C. Company",
      "Société Générale S.A.",
    ];
    expect(names.map(normalizeName)).toEqual([
      "recep tayyip erdogan",
      "bashar al assad",
      "abc company",
      "societe generale sa",
    ]);
  });

  it("transliterates Cyrillic, Chinese and other scripts to Latin", () => {
    const names = ["ООО «Ромашка»", "Владимир Путин", "习近平", "バラク・オバマ", "Αθήνα"];
    expect(names.map((name) => normalizeNameVariants(name))).toEqual([
      ["ooo romashka"],
      ["vladimir putin"],
      ["xi jin ping", "xi jinping"],
      ["baraku obama"],
      ["athina"],
    ]);
  });

  it("gives Ukrainian names both the г=h and the г=g reading", () => {
    expect(transliterate("Григорій Сковорода")).toEqual([
      "hryhoriy skovoroda",
      "grigoriy skovoroda",
    ]);
  });

  it("also joins a lower-case syllable after a hyphen, not names or words", () => {
    expect(
      ["Liu Hsiao-po", "Bashar al-Assad", "Римский-Корсаков", "バラク・オバマ"].map(
        normalizeNameVariants,
      ),
    ).toEqual([
      ["liu hsiao po", "liu hsiaopo"],
      ["bashar al assad"],
      ["rimskiy korsakov"],
      ["baraku obama"],
    ]);
  });

  it("splits names into tokens", () => {
    expect(nameTokens("Jean-Marie Le Pen")).toEqual(["jean", "marie", "le", "pen"]);
  });
});

describe("skeleton", () => {
  // One Russian name each in BGN/PCGN, ICAO (passports), ISO 9 without diacritics and an
  // informal spelling.
  const spellings = [
    ["yuliya", "iuliia", "julija", "yulia"],
    ["sergey", "sergei", "sergej", "sergeiy"],
    ["dmitriy", "dmitrii", "dmitrij", "dmitry"],
    ["khodorkovskiy", "khodorkovskii", "hodorkovskij", "hodorkovsky"],
    ["zhukov", "zhukov", "zukov", "zhukov"],
    ["shcherbakov", "shcherbakov", "serbakov", "shcherbakov"],
    ["yevgeniy", "evgenii", "evgenij", "evgeny"],
    ["tsoy", "tsoi", "coj", "tsoi"],
  ];

  it("reduces competing romanizations of one name to one form", () => {
    const skeletons = spellings.map((forms) => [...new Set(forms.map(skeleton))]);
    expect(skeletons).toEqual([
      ["ula"],
      ["sergi"],
      ["dmitri"],
      ["hodorkovski"],
      ["zukov"],
      ["serbakov"],
      ["evgeni"],
      ["coi"],
    ]);
  });

  it("keeps different names apart", () => {
    expect(["ivanov", "ivanova", "petrov"].map(skeleton)).toEqual(["ivanov", "ivanova", "petrov"]);
  });

  it("reads Wade-Giles hs as pinyin x", () => {
    expect(["hsi", "xi", "hsiaopo", "xiaobo"].map(skeleton)).toEqual([
      "si",
      "si",
      "saopo",
      "saobo",
    ]);
  });

  it("runs a rule on a letter an earlier rule wrote", () => {
    // x -> ks writes the k that ck -> k then reads; doubled letters go last.
    expect(["cx", "mattkhew"].map(skeleton)).toEqual(["ks", "mathev"]);
  });
});

describe("squeezeRepeats", () => {
  it("squeezes runs of one character and leaves other text as it is", () => {
    expect(["ivanovva", "aaab", "abc", "", "a"].map(squeezeRepeats)).toEqual([
      "ivanova",
      "ab",
      "abc",
      "",
      "a",
    ]);
  });
});

describe("phoneticKey", () => {
  it("merges spellings that sound alike and keeps others apart", () => {
    const words = [
      "mohammed",
      "muhamad",
      "mokhammed",
      "lukashenko",
      "lukaschenko",
      "putin",
      "petin",
    ];
    expect(words.map(phoneticKey)).toEqual(["mmt", "mmt", "mmt", "lksnk", "lksnk", "ptn", "ptn"]);
  });
});
