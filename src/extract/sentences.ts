/** A sentence's range in a text. */
export interface Sentence {
  start: number;
  end: number;
}

/** Sentence ends: a full stop, question or exclamation mark and a space, or a line break. */
const BOUNDARY = /[.!?]+["'”»)]*(?=\s+[\p{Lu}\p{N}"'“«(])|[。！？；]|\n+/gu;

/**
 * Split a text into sentences, never inside a protected span (a mention such as
 * "Sichuan AEE Co., Ltd." keeps its full stops).
 * @example splitSentences("Kupol paid. Vector shipped.", []) // [{start:0,end:11},{start:12,end:27}]
 */
export function splitSentences(
  text: string,
  protectedSpans: Array<{ start: number; end: number }>,
): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const cut = match.index + match[0].length;
    if (protectedSpans.some((span) => match.index >= span.start && match.index < span.end))
      continue;
    pushTrimmed(text, start, cut, sentences);
    start = cut;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function pushTrimmed(text: string, from: number, to: number, into: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end });
}
