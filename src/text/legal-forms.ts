import table from "./legal-forms.data.json" with { type: "json" };
import { normalizeName } from "./normalize.js";

interface LegalFormTable {
  phrases: Map<string, string>;
  /**
   * The sizes in words of the phrases each word starts (or ends), longest first: most names
   * start and end with none, and a phrase is looked up only in the sizes its word has.
   */
  firstWords: Map<string, number[]>;
  lastWords: Map<string, number[]>;
  symbols: Map<string, string[]>;
}

/** Note that a phrase of `size` words starts (or ends) with `word`. */
function addSize(sizes: Map<string, number[]>, word: string, size: number): void {
  const known = sizes.get(word) ?? [];
  if (known.includes(size)) return;
  known.push(size);
  known.sort((a, b) => b - a);
  sizes.set(word, known);
}

let loaded: LegalFormTable | undefined;

function addSymbols(symbols: Map<string, string[]>, group: string, words: string[]): void {
  for (const word of words) {
    const key = normalizeName(word);
    if (!key || key.includes(" ")) continue;
    const groups = symbols.get(key) ?? [];
    if (!groups.includes(group)) groups.push(group);
    symbols.set(key, groups);
  }
}

/** Normalize the generated table once, with the same normalizer names go through. */
function loadTable(): LegalFormTable {
  if (loaded) return loaded;
  const phrases = new Map<string, string>();
  const firstWords = new Map<string, number[]>();
  const lastWords = new Map<string, number[]>();
  for (const [className, , aliases] of table.legalForms as [string, string, string[]][]) {
    for (const alias of aliases) {
      const phrase = normalizeName(alias);
      if (!phrase || phrases.has(phrase)) continue;
      phrases.set(phrase, className);
      const words = phrase.split(" ");
      addSize(firstWords, words[0]!, words.length);
      addSize(lastWords, words[words.length - 1]!, words.length);
    }
  }
  const symbols = new Map<string, string[]>();
  for (const [group, words] of Object.entries(table.symbols)) addSymbols(symbols, group, words);
  loaded = { phrases, firstWords, lastWords, symbols };
  return loaded;
}

/**
 * The canonical class of a legal form (one token or a phrase), from rigour's org_types.
 * @example legalFormClass("ООО") // "LLC"
 * @example legalFormClass("Limited Liability Company") // "LLC"
 * @example legalFormClass("kupol") // undefined
 */
export function legalFormClass(token: string): string | undefined {
  return normalizedLegalFormClass(normalizeName(token));
}

/**
 * The canonical class of a legal form already normalized (a token or phrase of `nameTokens`),
 * for callers that hold normalized tokens: normalizing is most of `legalFormClass`'s cost.
 * @example normalizedLegalFormClass("ooo") // "LLC"
 */
export function normalizedLegalFormClass(phrase: string): string | undefined {
  return loadTable().phrases.get(phrase);
}

/** What `splitLegalForms` found: the name tokens left and the legal-form classes removed. */
export interface LegalFormSplit {
  tokens: string[];
  forms: string[];
}

function formAt(tokens: string[], start: number, end: number): string | undefined {
  return normalizedLegalFormClass(tokens.slice(start, end).join(" "));
}

/** The longest legal form starting at `start` (or ending at `end`), as [size, class]. */
function longestForm(tokens: string[], start: number, end: number, fromEnd: boolean) {
  const { firstWords, lastWords } = loadTable();
  const sizes = fromEnd ? lastWords.get(tokens[end - 1]!) : firstWords.get(tokens[start]!);
  for (const size of sizes ?? []) {
    if (size > end - start) continue;
    const form = fromEnd ? formAt(tokens, end - size, end) : formAt(tokens, start, start + size);
    if (form) return [size, form] as const;
  }
  return undefined;
}

/**
 * Remove legal-form phrases (longest first) from the start and the end of normalized tokens;
 * words inside the name stay, since short forms (ii, sa, ag) are also ordinary words there.
 * @example splitLegalForms(["jsc", "tactical", "missiles", "corporation"])
 * // { tokens: ["tactical", "missiles", "corporation"], forms: ["JSC"] }
 */
export function splitLegalForms(tokens: string[]): LegalFormSplit {
  const forms: string[] = [];
  let start = 0;
  let end = tokens.length;
  for (let found = longestForm(tokens, start, end, false); found && start < end; ) {
    forms.push(found[1]);
    start += found[0];
    found = longestForm(tokens, start, end, false);
  }
  for (let found = longestForm(tokens, start, end, true); found && start < end; ) {
    forms.push(found[1]);
    end -= found[0];
    found = longestForm(tokens, start, end, true);
  }
  // A name that is nothing but a legal form keeps its words.
  return start < end ? { tokens: tokens.slice(start, end), forms } : { tokens, forms: [] };
}

/**
 * The symbol groups (organization words, person titles, nicknames) a token belongs to.
 * @example symbolGroups("kompaniya") // ["org_symbols:co"]
 */
export function symbolGroups(token: string): readonly string[] {
  return loadTable().symbols.get(token) ?? [];
}
