/** Rewrites that map competing romanizations of one sound onto one spelling, in order. */
const REWRITES: [RegExp, string][] = [
  [/x/g, "ks"],
  [/w/g, "v"],
  [/ph/g, "f"],
  [/q/g, "k"],
  [/ck/g, "k"],
  [/(shch|shtch|sch)/g, "s"],
  [/t?ch/g, "c"],
  [/sh/g, "s"],
  [/zh/g, "z"],
  [/kh/g, "h"],
  [/(ts|tz)/g, "c"],
  [/(dzh|dj)/g, "j"],
  [/[yij]+u/g, "u"],
  [/[yij]+a/g, "a"],
  [/[yij]+o/g, "o"],
  [/\b[yj]e/g, "e"],
  [/([aeiou])[yj]e/g, "$1e"],
  [/[eiy][iyj]$/g, "i"],
  [/[yj]/g, "i"],
  [/(.)\1+/g, "$1"],
];

/**
 * A spelling skeleton of one Latin token that BGN/PCGN, ISO 9 (without diacritics), ICAO and
 * informal romanizations of the same Cyrillic name all reduce to.
 * @example skeleton("yuliya") === skeleton("iuliia") // "ula"
 * @example skeleton("sergey") === skeleton("sergei") // "sergi"
 */
export function skeleton(token: string): string {
  let out = token;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out;
}
