import { defaultModel } from "@opensanctions/followthemoney/dist/followthemoney.es.js";

// Spellings the lists use that differ from the FtM labels.
const ALIASES: Record<string, string> = {
  "korea, north": "kp",
  "north korea": "kp",
  "korea, democratic people's republic of": "kp",
  "democratic people's republic of korea": "kp",
  "korea, south": "kr",
  "republic of korea": "kr",
  burma: "mm",
  "congo, democratic republic of the": "cd",
  "democratic republic of the congo": "cd",
  "congo, republic of the": "cg",
  congo: "cg",
  palestinian: "ps",
  "west bank": "ps",
  gaza: "ps",
  "north macedonia, the republic of": "mk",
  macedonia: "mk",
  turkey: "tr",
  "russian federation": "ru",
  "iran, islamic republic of": "ir",
  "syrian arab republic": "sy",
  "united states of america": "us",
  usa: "us",
  uk: "gb",
  "great britain": "gb",
  "lao people's democratic republic": "la",
  "viet nam": "vn",
  "venezuela, bolivarian republic of": "ve",
  "bolivia, plurinational state of": "bo",
  "tanzania, united republic of": "tz",
  "moldova, republic of": "md",
  "czech republic": "cz",
  "cote d'ivoire": "ci",
  "ivory coast": "ci",
  "hong kong": "hk",
  macau: "mo",
  macao: "mo",
  "cabo verde": "cv",
  swaziland: "sz",
  "the bahamas": "bs",
  "the gambia": "gm",
  ussr: "suhh",
  "soviet union": "suhh",
  "region: crimea": "ua",
  crimea: "ua",
};

const BY_NAME: Map<string, string> = (() => {
  const names = new Map<string, string>();
  const values = (defaultModel.types.country as { values: Record<string, string> }).values;
  for (const [code, label] of Object.entries(values)) {
    names.set(foldName(label), code);
    names.set(code, code);
  }
  for (const [name, code] of Object.entries(ALIASES)) names.set(foldName(name), code);
  return names;
})();

function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[.\s]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The FtM country code of a country name or code as lists write it, or undefined.
 * @example countryCode("Korea, North") // "kp"
 * @example countryCode("Russia.") // "ru"
 */
export function countryCode(name: string): string | undefined {
  return BY_NAME.get(foldName(name));
}
