/**
 * Rewrites that map competing romanizations of one sound onto one spelling, in order; each
 * runs only when the token holds one of its trigger letters (most tokens skip most rules).
 */
const RULES: [RegExp, string, string][] = [
  [/^(hs|x)/g, "s", "hx"],
  [/x/g, "ks", "x"],
  [/w/g, "v", "w"],
  [/ph/g, "f", "p"],
  [/q/g, "k", "q"],
  [/ck/g, "k", "k"],
  [/(shch|shtch|sch)/g, "s", "c"],
  [/t?ch/g, "c", "c"],
  [/sh/g, "s", "h"],
  [/zh/g, "z", "z"],
  [/kh/g, "h", "k"],
  [/(ts|tz)/g, "c", "t"],
  [/(dzh|dj)/g, "j", "d"],
  [/[yij]+u/g, "u", "u"],
  [/[yij]+a/g, "a", "a"],
  [/[yij]+o/g, "o", "o"],
  [/\b[yj]e/g, "e", "yj"],
  [/([aeiou])[yj]e/g, "$1e", "yj"],
  [/[eiy]+[iyj]$/g, "i", "iyj"],
  [/[yj]/g, "i", "yj"],
  // Korean romanizations: eo/o and eu/u (jeong, jong; eun, un).
  [/eo/g, "o", "o"],
  [/eu/g, "u", "u"],
];

/** The letters a to z a text holds, one bit each. */
function letterMask(text: string): number {
  let mask = 0;
  for (let at = 0; at < text.length; at++) {
    const letter = text.charCodeAt(at) - 97;
    if (letter >= 0 && letter < 26) mask |= 1 << letter;
  }
  return mask;
}

const REWRITES = RULES.map(([pattern, replacement, triggers]) => {
  if (!/^[a-z]+$/.test(triggers))
    throw new Error(`skeleton trigger letters must be a-z: ${triggers}`);
  return { pattern, replacement, mask: letterMask(triggers) };
});

const REPEATS = /(.)\1+/g;

/**
 * A run of one character squeezed to one (`aa` -> `a`); the text itself when it has none,
 * as most tokens do (checked without the regex).
 * @example squeezeRepeats("ivanovva") // "ivanova"
 */
export function squeezeRepeats(text: string): string {
  for (let at = 1; at < text.length; at++) {
    if (text.charCodeAt(at) === text.charCodeAt(at - 1)) return text.replace(REPEATS, "$1");
  }
  return text;
}

/**
 * A spelling skeleton of one Latin token that BGN/PCGN, ISO 9 (without diacritics), ICAO and
 * informal romanizations of the same Cyrillic name all reduce to. A rule runs only when the
 * token (as the rules before left it) holds one of its trigger letters: the letters are
 * taken once, and again after a rule changed the token.
 * @example skeleton("yuliya") === skeleton("iuliia") // "ula"
 * @example skeleton("sergey") === skeleton("sergei") // "sergi"
 */
export function skeleton(token: string): string {
  let out = token;
  let letters = letterMask(out);
  for (const { pattern, replacement, mask } of REWRITES) {
    if (!(letters & mask)) continue;
    const next = out.replace(pattern, replacement);
    if (next !== out) {
      out = next;
      letters = letterMask(out);
    }
  }
  return squeezeRepeats(out);
}
