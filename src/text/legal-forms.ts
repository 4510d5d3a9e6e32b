import table from "./legal-forms.data.json" with { type: "json" };
import { normalizeName } from "./normalize.js";

interface LegalFormTable {
  phrases: Map<string, string>;
  /** First and last words of every phrase: most names start and end with neither. */
  firstWords: Set<string>;
  lastWords: Set<string>;
  longest: number;
  symbols: Map<string, string[]>;
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
  let longest = 1;
  const firstWords = new Set<string>();
  const lastWords = new Set<string>();
  for (const [className, , aliases] of table.legalForms as [string, string, string[]][]) {
    for (const alias of aliases) {
      const phrase = normalizeName(alias);
      if (!phrase || phrases.has(phrase)) continue;
      phrases.set(phrase, className);
      const words = phrase.split(" ");
      longest = Math.max(longest, words.length);
      firstWords.add(words[0]!);
      lastWords.add(words[words.length - 1]!);
    }
  }
  const symbols = new Map<string, string[]>();
  for (const [group, words] of Object.entries(table.symbols)) addSymbols(symbols, group, words);
  loaded = { phrases, firstWords, lastWords, longest, symbols };
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
  const { longest, firstWords, lastWords } = loadTable();
  if (fromEnd ? !lastWords.has(tokens[end - 1]!) : !firstWords.has(tokens[start]!)) {
    return undefined;
  }
  for (let size = Math.min(longest, end - start); size > 0; size--) {
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
