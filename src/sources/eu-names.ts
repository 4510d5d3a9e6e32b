/** One entry of the FSF `nameAlias` column. */
export interface EuAlias {
  wholeName: string;
  strong: boolean;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  function?: string;
  title?: string;
  gender?: string;
}

const DICT_RE = /\{([^{}]*)\}/g;
const PAIR_RE = /'(\w+)': (?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
const QUOTED_RE = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;

const unescapePython = (text: string) => text.replace(/\\(.)/g, "$1");

/**
 * Parse the `nameAlias` column, a Python list of dicts as the R merge printed it.
 * @example parseNameAliases("[{'wholeName': 'Abu Ayub', 'strong': '1'}]")
 * // [{ wholeName: "Abu Ayub", strong: true }]
 */
export function parseNameAliases(text: string): EuAlias[] {
  const aliases: EuAlias[] = [];
  for (const dict of text.matchAll(DICT_RE)) {
    const fields: Record<string, string> = {};
    for (const pair of (dict[1] ?? "").matchAll(PAIR_RE)) {
      fields[pair[1]!] = unescapePython(pair[2] ?? pair[3] ?? "");
    }
    if (!fields.wholeName) continue;
    aliases.push({ ...fields, wholeName: fields.wholeName, strong: fields.strong !== "0" });
  }
  return aliases;
}

/**
 * The quoted strings of a Python list literal (`['a', "b's"]`).
 * @example quotedStrings("['Abdulqader AL-BAGHDADI', 'Title: Dr']") // ["Abdulqader AL-BAGHDADI", "Title: Dr"]
 */
export function quotedStrings(text: string): string[] {
  if (!text.startsWith("[")) return [];
  return [...text.matchAll(QUOTED_RE)].map((match) => unescapePython(match[1] ?? match[2] ?? ""));
}
