import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NameAutomaton } from "./automaton.js";
import { foldName, foldText } from "./fold.js";

/** The reference: every pattern searched with indexOf, kept where a token begins. */
function naiveScan(patterns: string[], text: string) {
  const folded = foldText(text);
  const flat = Array.from(folded.symbols, (s) =>
    s < 26 ? String.fromCharCode(97 + s) : String(s - 26),
  ).join("");
  const hits: Array<{ pattern: number; start: number; end: number }> = [];
  patterns.forEach((pattern, index) => {
    for (let at = flat.indexOf(pattern); at >= 0; at = flat.indexOf(pattern, at + 1)) {
      if (folded.startsToken[at])
        hits.push({ pattern: index, start: at, end: at + pattern.length });
    }
  });
  return hits;
}

const order = (a: { start: number; end: number; pattern: number }, b: typeof a) =>
  a.start - b.start || a.end - b.end || a.pattern - b.pattern;

describe("NameAutomaton", () => {
  it("finds what a naive per-pattern scan finds, on generated names and texts", () => {
    const word = fc.stringMatching(/^[abk1]{1,4}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.array(word, { maxLength: 30 }),
        (patterns, words) => {
          const text = words.join(" ");
          const automaton = new NameAutomaton(patterns);
          expect(automaton.scan(foldText(text)).sort(order)).toEqual(
            naiveScan(patterns, text).sort(order),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matches across scripts through folding", () => {
    const automaton = new NameAutomaton([foldName("Kupol"), foldName("Sichuan AEE")]);
    const text = foldText("Завод Купол и 四川 AEE");
    expect(automaton.scan(text)).toEqual([
      { pattern: 0, start: 5, end: 10 },
      { pattern: 1, start: 11, end: 21 },
    ]);
  });
});
