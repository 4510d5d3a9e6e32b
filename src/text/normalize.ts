import { cleanPunctuation, stripMarks } from "./fold.js";
import { transliterate } from "./transliterate.js";

function finish(latin: string): string {
  return cleanPunctuation(stripMarks(latin)).replace(/\s+/g, " ");
}

/**
 * Every normalized Latin spelling of a name: one per transliteration variant.
 * @example normalizeNameVariants("习近平") // ["xi jin ping", "xi jinping"]
 */
export function normalizeNameVariants(text: string): string[] {
  const variants = transliterate(text).map(finish);
  // A syllable after a hyphen in lower case is part of one word: Hsiao-po is Xiaobo, Jong-un is Jongun.
  const joined = text.replace(SYLLABLE_HYPHEN, "$1");
  if (joined !== text) variants.push(...transliterate(joined).map(finish));
  return [...new Set(variants.filter(Boolean))];
}

const SYLLABLE_HYPHEN = /(\p{Ll})[-‐‑](?=\p{Ll})/gu;

/**
 * A name folded for comparison: NFKC, case folded, transliterated to Latin, diacritics and
 * punctuation removed, spaces collapsed.
 * @example normalizeName("Recep Tayyip ERDOĞAN") // "recep tayyip erdogan"
 * @example normalizeName("ООО «Ромашка»") // "ooo romashka"
 */
export function normalizeName(text: string): string {
  return normalizeNameVariants(text)[0] ?? "";
}

/**
 * The tokens of a normalized name.
 * @example nameTokens("Bashar al-Assad") // ["bashar", "al", "assad"]
 */
export function nameTokens(text: string): string[] {
  const name = normalizeName(text);
  return name ? name.split(" ") : [];
}
