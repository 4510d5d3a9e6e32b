import { describe, expect, it } from "vitest";
import { compareNative, nativeNames } from "./native-script.js";

const names = (...values: string[]) =>
  nativeNames({ schema: "Person", properties: { name: values } });

describe("native-script names", () => {
  it("reads Han characters with their tones and keeps Hangul syllables", () => {
    expect(names("習近平", "김정은", "Vladimir Putin")).toEqual([
      { script: "han", text: "習近平", units: ["xi2", "jin4", "ping2"] },
      { script: "hangul", text: "김정은", units: ["김", "정", "은"] },
    ]);
  });

  it("tells apart names whose romanizations coincide, not Traditional from Simplified", () => {
    const score = (a: string, b: string) => compareNative(names(a), names(b))?.score;
    expect([
      score("習近平", "习近平"),
      score("高石早苗", "高市早苗"),
      score("이재형", "이재명"),
      score("习近平", "习平"),
      score("习近平", "Xi Jinping"),
    ]).toEqual([1, 0.42857142857142855, 0.3333333333333333, 0.8695652173913044, undefined]);
  });
});
