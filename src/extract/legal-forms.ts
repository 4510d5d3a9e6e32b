import { legalFormClass } from "../text/index.js";
import { tokenize } from "./fold.js";

/** Legal forms run to a few words ("obshchestvo s ogranichennoi otvetstvennostyu"). */
const LONGEST_FORM = 5;

/** How many tokens from `from` (walking by `step`) form a legal-form phrase, or 0. */
function formLength(words: string[], from: number, step: 1 | -1): number {
  for (let size = Math.min(LONGEST_FORM, words.length); size > 0; size--) {
    const slice =
      step === 1 ? words.slice(from, from + size) : words.slice(from - size + 1, from + 1);
    if (slice.length === size && legalFormClass(slice.join(" "))) return size;
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
  const words = tokens.map((token) => token.text);
  let first = 0;
  let last = tokens.length - 1;
  for (
    let size = formLength(words, first, 1);
    size && first <= last;
    size = formLength(words, first, 1)
  )
    first += size;
  for (
    let size = formLength(words, last, -1);
    size && last >= first;
    size = formLength(words, last, -1)
  )
    last -= size;
  if (first > last || (first === 0 && last === tokens.length - 1)) return undefined;
  return name.slice(tokens[first]!.start, tokens[last]!.end);
}
