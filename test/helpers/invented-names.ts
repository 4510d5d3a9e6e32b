/**
 * A deterministic stream of numbers in [0,1) (mulberry32), for generated test data.
 * @example const next = seededRandom(7); next() // 0.0566…
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A name of two or three words of two or three `syllables` each.
 * @example inventName(seededRandom(7), ["al", "ko"]) // "alko koal"
 */
export function inventName(next: () => number, syllables: readonly string[]): string {
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(next() * 2) },
      () => syllables[Math.floor(next() * syllables.length)],
    ).join("");
  return Array.from({ length: 2 + Math.floor(next() * 2) }, word).join(" ");
}
