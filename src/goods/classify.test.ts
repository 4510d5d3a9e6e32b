import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyGoods, goodsCategories, isBattlefieldHsCode } from "./index.js";

function categories(text: string, hs?: string) {
  const result = classifyGoods(text, hs ? { hs } : {});
  return Object.fromEntries(result.categories.map((c) => [c.category, c.keywords]));
}

describe("goods classifier", () => {
  it("finds battlefield categories in English", () => {
    expect(
      categories("Quadcopters DJI Mavic 3T with thermal imaging camera, spare propellers"),
    ).toEqual({
      uav: ["quadcopters", "mavic", "propellers"],
      optics: ["thermal imaging", "camera"],
    });
    expect(categories("CNC lathe; deep groove ball bearings 6204-2RS; STM32F405 MCU")).toEqual({
      integrated_circuits: ["stm32f405", "mcu"],
      bearings: ["bearings"],
      machine_tools: ["cnc", "lathe"],
    });
  });

  it("finds them in Russian, stems and ё included", () => {
    expect(
      categories(
        "Беспилотный летательный аппарат (БПЛА) с двигателем Limbach L550, приёмник ГЛОНАСС",
      ),
    ).toEqual({
      uav: ["беспилотный", "бпла"],
      engines: ["двигателем", "limbach", "l550"],
      gnss: ["глонасс"],
    });
    expect(
      categories("Станок токарный с ЧПУ; подшипники шариковые; микросхемы интегральные"),
    ).toEqual({
      integrated_circuits: ["микросхемы", "интегральные"],
      bearings: ["подшипники"],
      machine_tools: ["станок", "токарный", "чпу"],
    });
  });

  it("knows drone models written in Cyrillic", () => {
    expect(categories("БПЛА Орлан-10 и Герань-2, запчасти к Мавик 3")).toEqual({
      uav: ["бпла", "орлан", "герань", "мавик"],
    });
  });

  it("finds them in Chinese", () => {
    expect(categories("多旋翼无人机及飞控，北斗定位模块，红外热成像镜头，滚珠轴承")).toEqual({
      uav: ["多旋翼", "无人机", "飞控"],
      gnss: ["北斗", "定位模块"],
      optics: ["红外", "热成像", "镜头"],
      bearings: ["轴承"],
    });
  });

  it("adds categories and the CHPL tier from the HS code", () => {
    expect(classifyGoods("spare parts", { hs: "8807.30" })).toMatchObject({
      chplTier: "3.B",
      battlefield: true,
      categories: [
        { category: "uav", label: "UAVs, drone models and their parts", keywords: ["HS 8807"] },
      ],
    });
    expect(classifyGoods("parts", { hs: "8409.10" }).categories).toEqual([
      { category: "engines", label: "Aircraft and UAV engines", keywords: ["HS 840910"] },
    ]);
  });

  it("leaves ordinary goods alone", () => {
    const texts = [
      "Cotton T-shirts",
      "chipboard panels",
      "frozen fish fillets",
      "Хлопковые футболки",
      "棉质T恤",
    ];
    expect(texts.map((text) => classifyGoods(text).battlefield)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(classifyGoods("fish", { hs: "0304" }).battlefield).toBe(false);
  });

  it("tells battlefield codes by code alone", () => {
    const codes = ["8806.21", "8407 10", "8411.12", "8542.39", "8482.10", "6109.10", "8471.30"];
    expect(codes.map(isBattlefieldHsCode)).toEqual([true, true, true, true, true, false, false]);
  });

  it("finds every keyword of every category when embedded in other text", () => {
    const keywords = goodsCategories.flatMap((category) =>
      category.keywords.map((keyword) => ({ category: category.id, keyword })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...keywords),
        fc.constantFrom("", "x ", "1. "),
        (pick, prefix) => {
          const text = `${prefix}${pick.keyword.replaceAll("*", "")} для / for`;
          expect(classifyGoods(text).categories.map((c) => c.category)).toContain(pick.category);
        },
      ),
    );
  });
});
