import type { RemarkLabel } from "./remark-labels.js";

/** A label found in a text, with where it starts and ends. */
export interface LabelHit {
  label: RemarkLabel;
  start: number;
  end: number;
}

// Latin and Cyrillic letters; the `u` flag would make every scan several times slower.
const LETTER = "A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF";
const WORD_START = new RegExp(`(?<![${LETTER}])[${LETTER}]`, "g");

/** Split a pattern at its top-level `|`. */
function alternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") i++;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) {
      parts.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, pattern.slice(from)];
}

function closingParen(pattern: string): number {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "(") depth++;
    else if (pattern[i] === ")" && --depth === 0) return i;
  }
  return pattern.length;
}

/** The lower-cased letters a pattern can start with (literal text and `(?:…)?` groups). */
function firstLetters(pattern: string): string[] {
  return alternatives(pattern).flatMap((alternative) => {
    if (!alternative.startsWith("(?:")) {
      const char = alternative[0] === "\\" ? alternative[1] : alternative[0];
      return char ? [char.toLowerCase()] : [];
    }
    const end = closingParen(alternative);
    const inner = firstLetters(alternative.slice(3, end));
    const rest = alternative.slice(end + 1);
    return rest.startsWith("?") ? [...inner, ...firstLetters(rest.slice(1))] : inner;
  });
}

interface Bucket {
  pattern: RegExp;
  labels: RemarkLabel[];
}

/**
 * A scanner for many labels: one small sticky regex per first letter, tried only where a
 * word starts, instead of one large alternation tried at every character.
 * @example const scan = makeLabelScanner(REMARK_LABELS); scan("INN: 1OGRN: 2")
 */
export function makeLabelScanner(labels: RemarkLabel[]): (text: string) => LabelHit[] {
  const byLetter = new Map<string, RemarkLabel[]>();
  for (const label of labels) {
    for (const letter of new Set(firstLetters(label.pattern))) {
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), label]);
    }
  }
  const buckets = new Map<string, Bucket>();
  for (const [letter, members] of byLetter) {
    const source = members.map((label) => `(${label.pattern})`).join("|");
    const pattern = new RegExp(`(?:${source})(?![${LETTER}])`, "iy");
    buckets.set(letter, { pattern, labels: members });
  }
  return (text) => scanLabels(text, buckets);
}

function scanLabels(text: string, buckets: Map<string, Bucket>): LabelHit[] {
  const hits: LabelHit[] = [];
  const words = WORD_START;
  words.lastIndex = 0;
  for (let word = words.exec(text); word; word = words.exec(text)) {
    const bucket = buckets.get(word[0].toLowerCase());
    if (!bucket) continue;
    bucket.pattern.lastIndex = word.index;
    const match = bucket.pattern.exec(text);
    if (!match) continue;
    const index = match.findIndex((group, i) => i > 0 && group !== undefined);
    const label = bucket.labels[index - 1];
    if (label) hits.push({ label, start: word.index, end: word.index + match[0].length });
    // Words inside a label ("Registration" in "Business Registration Number") start nothing.
    words.lastIndex = word.index + match[0].length;
  }
  return hits;
}
