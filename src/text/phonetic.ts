import { skeleton } from "./skeleton.js";

/** Consonant classes that sound alike or swap across romanizations. */
const CLASSES: Record<string, string> = {
  b: "p",
  p: "p",
  f: "f",
  v: "f",
  d: "t",
  t: "t",
  g: "k",
  k: "k",
  c: "s",
  s: "s",
  z: "s",
  j: "j",
  h: "",
  l: "l",
  r: "r",
  m: "m",
  n: "n",
};

/**
 * A coarse phonetic key of a Latin token: a leading vowel kept as "a", other vowels and h dropped,
 * similar consonants merged, repeats collapsed.
 * @example phoneticKey("lukashenko") // "lkskn"
 * @example phoneticKey("mohammed") === phoneticKey("muhamad") // true
 */
export function phoneticKey(token: string): string {
  return phoneticKeyOfSkeleton(skeleton(token));
}

/**
 * The phonetic key of a token already reduced by `skeleton`.
 * @example phoneticKeyOfSkeleton("lukasenko") // "lkskn"
 */
export function phoneticKeyOfSkeleton(skel: string): string {
  if (!skel) return "";
  const first = skel[0]!;
  let key = /[aeiouy]/.test(first) ? "a" : (CLASSES[first] ?? first);
  let last = CLASSES[skel[0]!] ?? "";
  for (const char of skel.slice(1)) {
    const code = CLASSES[char];
    if (code === undefined || code === "") {
      if (code === undefined) last = "";
      continue;
    }
    if (code !== last) key += code;
    last = code;
  }
  return key || skel;
}
