/**
 * A 53-bit string hash (cyrb53): exact enough to stand in for the string as a key.
 * @example hashString("vladimirputin") === hashString("vladimirputin") // true
 */
export function hashString(text: string, seed = 0): number {
  return keyHash("", text, -1, "", seed);
}

/**
 * `hashString(prefix + text + suffix)` with the character of `text` at `skip` left out,
 * without building that string.
 * @example keyHash("d:", "putin", 1) === hashString("d:ptin") // true
 */
export function keyHash(prefix: string, text: string, skip = -1, suffix = "", seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < prefix.length; i++) {
    const code = prefix.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  for (let i = 0; i < text.length; i++) {
    if (i === skip) continue;
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  for (let i = 0; i < suffix.length; i++) {
    const code = suffix.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
