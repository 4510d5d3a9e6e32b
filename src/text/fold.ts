/**
 * Unicode NFKC plus case folding: full-width forms, ligatures and case collapse.
 * @example foldText("ＯＯＯ «Ромашка»") // "ооо «ромашка»"
 */
export function foldText(text: string): string {
  // toLowerCase covers the simple case folding; ß and final sigma need the explicit step.
  return text.normalize("NFKC").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
}

/**
 * Remove combining marks left after decomposition (é -> e, ğ -> g).
 * @example stripMarks("erdoğan") // "erdogan"
 */
export function stripMarks(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * Replace everything but letters and digits with single spaces.
 * @example cleanPunctuation("al-'assad, bashar") // "al assad bashar"
 */
export function cleanPunctuation(text: string): string {
  // Apostrophes and dots inside words join (o'neil, l.l.c.) rather than split.
  return text
    .replace(/(\p{L})['’ʼ`´.](?=\p{L})/gu, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
