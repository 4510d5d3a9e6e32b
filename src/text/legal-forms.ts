import table from "./legal-forms.data.json" with { type: "json" };
import { normalizeName } from "./normalize.js";

interface LegalFormTable {
  phrases: Map<string, string>;
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
  for (const [className, , aliases] of table.legalForms as [string, string, string[]][]) {
    for (const alias of aliases) {
      const phrase = normalizeName(alias);
      if (!phrase || phrases.has(phrase)) continue;
      phrases.set(phrase, className);
      longest = Math.max(longest, phrase.split(" ").length);
    }
  }
  const symbols = new Map<string, string[]>();
  for (const [group, words] of Object.entries(table.symbols)) addSymbols(symbols, group, words);
  loaded = { phrases, longest, symbols };
  return loaded;
}

/**
 * The canonical class of a legal form (one token or a phrase), from rigour's org_types.
 * @example legalFormClass("ООО") // "LLC"
 * @example legalFormClass("Limited Liability Company") // "LLC"
 * @example legalFormClass("kupol") // undefined
 */
export function legalFormClass(token: string): string | undefined {
  return loadTable().phrases.get(normalizeName(token));
}

/** What `splitLegalForms` found: the name tokens left and the legal-form classes removed. */
export interface LegalFormSplit {
  tokens: string[];
  forms: string[];
}

/**
 * Remove legal-form phrases (longest first) from normalized tokens.
 * @example splitLegalForms(["jsc", "tactical", "missiles", "corporation"])
 * // { tokens: ["tactical", "missiles", "corporation"], forms: ["JSC"] }
 */
export function splitLegalForms(tokens: string[]): LegalFormSplit {
  const { phrases, longest } = loadTable();
  const kept: string[] = [];
  const forms: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    let found = 0;
    for (let size = Math.min(longest, tokens.length - index); size > 0 && !found; size--) {
      const form = phrases.get(tokens.slice(index, index + size).join(" "));
      if (form) forms.push(form);
      if (form) found = size;
    }
    if (found) index += found;
    else kept.push(tokens[index++]!);
  }
  // A name that is nothing but a legal form keeps its words.
  return kept.length ? { tokens: kept, forms } : { tokens, forms: [] };
}

/**
 * The symbol groups (organization words, person titles, nicknames) a token belongs to.
 * @example symbolGroups("kompaniya") // ["org_symbols:co"]
 */
export function symbolGroups(token: string): readonly string[] {
  return loadTable().symbols.get(token) ?? [];
}
