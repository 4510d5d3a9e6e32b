import { defaultModel } from "@opensanctions/followthemoney";

/** Official long forms and common variants the FtM labels do not cover. */
const VARIANTS: Record<string, string> = {
  "democratic people's republic of korea": "kp",
  "korea, democratic people's republic of": "kp",
  "north korea": "kp",
  "republic of korea": "kr",
  "south korea": "kr",
  "syrian arab republic": "sy",
  "iran (islamic republic of)": "ir",
  "islamic republic of iran": "ir",
  "russian federation": "ru",
  "united kingdom of great britain and northern ireland": "gb",
  "united kingdom": "gb",
  "united states of america": "us",
  "united states": "us",
  "united republic of tanzania": "tz",
  "state of palestine": "ps",
  türkiye: "tr",
  turkey: "tr",
  "viet nam": "vn",
  "lao people's democratic republic": "la",
  "republic of moldova": "md",
  "bolivia (plurinational state of)": "bo",
  "venezuela (bolivarian republic of)": "ve",
  "democratic republic of the congo": "cd",
  "congo, democratic republic of the": "cd",
  "republic of the congo": "cg",
  "côte d'ivoire": "ci",
  "cote d'ivoire": "ci",
  "the netherlands": "nl",
  "czech republic": "cz",
  burma: "mm",
  "libyan arab jamahiriya": "ly",
};

const LABELS: Map<string, string> = (() => {
  const values = (defaultModel.types.country?.values ?? {}) as Record<string, string>;
  const labels = new Map<string, string>();
  for (const [code, label] of Object.entries(values)) {
    labels.set(label.toLowerCase(), code);
    labels.set(code, code);
  }
  for (const [label, code] of Object.entries(VARIANTS)) labels.set(label, code);
  return labels;
})();

/**
 * The FtM country code (ISO 3166-1 alpha-2, lower case, plus FtM extras) of a country name or
 * code as lists write it; undefined when unknown.
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
  return LABELS.get(key) ?? LABELS.get(key.split(" / ")[0]!.trim());
}
