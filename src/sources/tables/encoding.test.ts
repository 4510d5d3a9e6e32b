import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding, encodingName } from "./encoding.js";

const russian =
  "Наименование;ИНН;Адрес\nООО «Вектор»;1831083343;г. Ижевск, ул. Песочная, д. 3\n" +
  "АО «Купол»;1831000010;Ижевск, улица Песочная, 3, поставка беспилотных аппаратов\n";
const chinese =
  "公司名称,统一社会信用代码,地址\n四川航空电子设备有限公司,91510100MA61R2XX1X,成都市高新区天府大道\n" +
  "湖南浩天翼航空科技有限公司,91430100MA4L12345Y,长沙市岳麓区麓谷大道\n";

describe("detectEncoding", () => {
  it.each([
    [
      "utf8 with BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian)]),
      "utf8",
    ],
    ["utf8", Buffer.from(chinese), "utf8"],
    ["utf16le with BOM", iconv.encode(russian, "utf16le", { addBOM: true }), "utf16le"],
    ["utf16be with BOM", iconv.encode(russian, "utf16be", { addBOM: true }), "utf16be"],
    ["utf16le without BOM", iconv.encode(russian, "utf16le"), "utf16le"],
    ["utf16be without BOM", iconv.encode(russian, "utf16be"), "utf16be"],
    ["windows-1251", iconv.encode(russian, "win1251"), "win1251"],
    ["koi8-r", iconv.encode(russian, "koi8r"), "koi8r"],
    ["gb18030", iconv.encode(chinese, "gb18030"), "gb18030"],
    [
      "big5",
      iconv.encode(
        "公司名稱,地址\n臺灣航太科技股份有限公司,臺北市信義區\n華興電子工業股份有限公司,新北市\n",
        "big5",
      ),
      "big5",
    ],
  ])("recognizes %s", (_name, bytes, expected) => {
    expect(detectEncoding(bytes, true).encoding).toBe(expected);
  });

  it("accepts a UTF-8 sample cut inside a character", () => {
    const bytes = Buffer.from(russian);
    expect(detectEncoding(bytes.subarray(0, 41), false).encoding).toBe("utf8");
  });

  it("normalizes user names and refuses unknown ones", () => {
    expect(encodingName("Windows-1251")).toBe("win1251");
    expect(encodingName("GBK")).toBe("gb18030");
    expect(() => encodingName("martian-7")).toThrow(/unknown encoding "martian-7"/);
  });
});
