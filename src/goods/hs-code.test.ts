import { describe, expect, it } from "vitest";
import { chplTierOf, describeHsCode, listChpl, normalizeHsCode, parseHsCode } from "./index.js";

describe("HS codes", () => {
  it("reads every common notation", () => {
    const inputs = ["8806.21", "8806 21 00 00", "880621", "8806-21", " 88.06.21 ", "88", "8806"];
    expect(inputs.map(normalizeHsCode)).toEqual([
      "880621",
      "8806210000",
      "880621",
      "880621",
      "880621",
      "88",
      "8806",
    ]);
  });

  it("refuses what is not a code", () => {
    expect(
      ["8", "88062", "12345678901", "88a6", "", "8806..", "-8806"].map(normalizeHsCode),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(() => parseHsCode("88062", "goods.csv row:3")).toThrow(
      'goods.csv row:3: expected an HS code of 2 to 10 digits (8806, 8806.21, 8806 21 00 00), found "88062"',
    );
  });

  it("describes chapter, heading, subheading and CHPL tier", () => {
    expect(describeHsCode("8542 31 90")).toEqual({
      code: "85423190",
      display: "8542.31.90",
      section: {
        code: "XVI",
        description:
          "Machinery and mechanical appliances; electrical equipment; parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles",
      },
      chapter: {
        code: "85",
        description:
          "Electrical machinery and equipment and parts thereof; sound recorders and reproducers; television image and sound recorders and reproducers, parts and accessories of such articles",
      },
      heading: { code: "8542", description: "Electronic integrated circuits" },
      subheading: {
        code: "854231",
        description:
          "Electronic integrated circuits; processors and controllers, whether or not combined with memories, converters, logic circuits, amplifiers, clock and timing circuits, or other circuits",
      },
      chplTier: "1",
    });
    expect(describeHsCode("8806")).toEqual({
      code: "8806",
      display: "8806",
      section: {
        code: "XVII",
        description: "Vehicles, aircraft, vessels and associated transport equipment",
      },
      chapter: { code: "88", description: "Aircraft, spacecraft, and parts thereof" },
      heading: { code: "8806", description: "Unmanned aircraft" },
    });
  });

  it("holds the 50 CHPL codes of the 2024-02-23 list in their tiers", () => {
    const byTier: Record<string, string[]> = {};
    for (const { code, tier } of listChpl()) byTier[tier] = [...(byTier[tier] ?? []), code];
    // Transcribed from the BIS publication of the Common High Priority List, 2024-02-23.
    expect(byTier).toEqual({
      "1": ["854231", "854232", "854233", "854239"],
      "2": ["851762", "852691", "853221", "853224", "854800"],
      "3.A": [
        "847150",
        "850440",
        "851769",
        "852589",
        "852910",
        "852990",
        "853669",
        "853690",
        "854110",
        "854121",
        "854129",
        "854130",
        "854149",
        "854151",
        "854159",
        "854160",
      ],
      "3.B": [
        "848210",
        "848220",
        "848230",
        "848250",
        "880730",
        "901310",
        "901380",
        "901420",
        "901480",
      ],
      "4.A": [
        "847180",
        "848610",
        "848620",
        "848640",
        "853400",
        "854320",
        "902750",
        "903020",
        "903032",
        "903039",
        "903082",
      ],
      "4.B": ["845710", "845811", "845891", "845961", "846693"],
    });
    expect([chplTierOf("88073000"), chplTierOf("8807"), chplTierOf("880790")]).toEqual([
      "3.B",
      undefined,
      undefined,
    ]);
  });
});
