import { countryCode as listCountryCode } from "./countries.js";

/** UN and Canadian official long forms the shared country table does not cover. */
const VARIANTS: Record<string, string> = {
  "south korea": "kr",
  "iran (islamic republic of)": "ir",
  "islamic republic of iran": "ir",
  "united kingdom of great britain and northern ireland": "gb",
  "united kingdom": "gb",
  "united states": "us",
  "united republic of tanzania": "tz",
  "state of palestine": "ps",
  türkiye: "tr",
  "republic of moldova": "md",
  "bolivia (plurinational state of)": "bo",
  "venezuela (bolivarian republic of)": "ve",
  "republic of the congo": "cg",
  "côte d'ivoire": "ci",
  "the netherlands": "nl",
  "libyan arab jamahiriya": "ly",
};

/**
 * The FtM country code of a country name as the UN, Canada and US lists write it (official
 * long forms, bilingual names, ISO codes); undefined when unknown.
 * @example countryCode("Iran (Islamic Republic of)") // "ir"
 * @example countryCode("KP") // "kp"
 */
export function countryCode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const key = text
    .replace(/\u00a0/g, " ")
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  // Canada writes bilingual names: "Russia / Russie".
  const english = key.split(" / ")[0]!.trim();
  return VARIANTS[key] ?? listCountryCode(key) ?? VARIANTS[english] ?? listCountryCode(english);
}
