/**
 * Rewrites that map competing romanizations of one sound onto one spelling, in order; each
 * runs only when the token holds one of its trigger letters (most tokens skip most rules).
 */
const REWRITES: [RegExp, string, string][] = [
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
  [/(.)\1+/g, "$1", ""],
];

function triggered(text: string, triggers: string): boolean {
  if (!triggers) return true;
  for (let i = 0; i < triggers.length; i++) if (text.includes(triggers[i]!)) return true;
  return false;
}

/**
 * A spelling skeleton of one Latin token that BGN/PCGN, ISO 9 (without diacritics), ICAO and
 * informal romanizations of the same Cyrillic name all reduce to.
 * @example skeleton("yuliya") === skeleton("iuliia") // "ula"
 * @example skeleton("sergey") === skeleton("sergei") // "sergi"
 */
export function skeleton(token: string): string {
  let out = token;
  for (const [pattern, replacement, triggers] of REWRITES) {
    if (triggered(out, triggers)) out = out.replace(pattern, replacement);
  }
  return out;
}
