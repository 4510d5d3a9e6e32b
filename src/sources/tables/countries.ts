import { model } from "../../model/index.js";

/** Names the FtM labels lack: common aliases, Russian and Chinese names of trade countries. */
const ALIASES: Record<string, string> = {
  russia: "ru",
  "russian federation": "ru",
  россия: "ru",
  "российская федерация": "ru",
  рф: "ru",
  俄罗斯: "ru",
  china: "cn",
  prc: "cn",
  "people's republic of china": "cn",
  китай: "cn",
  кнр: "cn",
  中国: "cn",
  "hong kong": "hk",
  гонконг: "hk",
  香港: "hk",
  uae: "ae",
  оаэ: "ae",
  阿联酋: "ae",
  turkey: "tr",
  türkiye: "tr",
  турция: "tr",
  казахстан: "kz",
  киргизия: "kg",
  кыргызстан: "kg",
  армения: "am",
  беларусь: "by",
  белоруссия: "by",
  узбекистан: "uz",
  иран: "ir",
  индия: "in",
  германия: "de",
  сша: "us",
  usa: "us",
  美国: "us",
  uk: "gb",
};

let lookup: Map<string, string> | undefined;

function countryLookup(): Map<string, string> {
  if (lookup) return lookup;
  lookup = new Map(Object.entries(ALIASES));
  const values = model.types.country?.values ?? new Map<string, string>();
  for (const [code, label] of values) {
    lookup.set(code, code);
    lookup.set(label.toLowerCase(), code);
  }
  return lookup;
}

/**
 * The FtM country code (lower-case ISO 3166 alpha-2) for a code or a name in English,
 * Russian or Chinese, or undefined.
 * @example countryCode("Россия") // "ru"
 * @example countryCode("CN") // "cn"
 */
export function countryCode(text: string): string | undefined {
  return countryLookup().get(text.trim().toLowerCase());
}
