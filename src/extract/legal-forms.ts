import { legalFormClass, normalizeName } from "../text/index.js";
import { tokenize } from "./fold.js";

/** Legal forms run to a few words ("obshchestvo s ogranichennoi otvetstvennostyu"). */
const LONGEST_FORM = 5;
const CACHE_LIMIT = 100_000;
const normalized = new Map<string, string>();
const formPhrases = new Map<string, boolean>();

/** Normalize a token once; names share most of their words. */
function normalizeToken(token: string): string {
  let value = normalized.get(token);
  if (value === undefined) {
    value = normalizeName(token);
    if (normalized.size > CACHE_LIMIT) normalized.clear();
    normalized.set(token, value);
  }
  return value;
}

function isLegalForm(phrase: string): boolean {
  let known = formPhrases.get(phrase);
  if (known === undefined) {
    known = legalFormClass(phrase) !== undefined;
    if (formPhrases.size > CACHE_LIMIT) formPhrases.clear();
    formPhrases.set(phrase, known);
  }
  return known;
}

/** How many tokens from `from` (walking by `step`) form a legal-form phrase, or 0. */
function formLength(words: string[], from: number, step: 1 | -1): number {
  for (let size = Math.min(LONGEST_FORM, words.length); size > 0; size--) {
    const slice =
      step === 1 ? words.slice(from, from + size) : words.slice(from - size + 1, from + 1);
    if (slice.length === size && isLegalForm(slice.join(" "))) return size;
  }
  return 0;
}

/**
 * A name without the legal forms at its start and end (match-core's table), or undefined
 * when there was none or nothing would be left.
 * @example stripLegalForm("JOINT STOCK COMPANY IZHEVSK PLANT KUPOL") // "IZHEVSK PLANT KUPOL"
 */
export function stripLegalForm(name: string): string | undefined {
  const tokens = tokenize(name);
  // Forms sit at the edges; the middle of a long name need not be normalized.
  const edge = (index: number) =>
    index < LONGEST_FORM * 2 || index >= tokens.length - LONGEST_FORM * 2;
  const words = tokens.map((token, index) => (edge(index) ? normalizeToken(token.text) : "\u0000"));
  let first = 0;
  let last = tokens.length - 1;
  for (let size = formLength(words, first, 1); size && first <= last; ) {
    first += size;
    size = formLength(words, first, 1);
  }
  for (let size = formLength(words, last, -1); size && last >= first; ) {
    last -= size;
    size = formLength(words, last, -1);
  }
  if (first > last || (first === 0 && last === tokens.length - 1)) return undefined;
  return name.slice(tokens[first]!.start, tokens[last]!.end);
}
