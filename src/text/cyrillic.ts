/** One practical romanization (BGN/PCGN-like); the skeleton absorbs the other schemes. */
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
  ў: "u",
  ђ: "dj",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  џ: "dz",
  ѓ: "gj",
  ќ: "kj",
  ѕ: "dz",
  қ: "k",
  ғ: "g",
  ү: "u",
  ұ: "u",
  ң: "ng",
  ө: "o",
  һ: "h",
  ә: "a",
};

/** Ukrainian г is h; used as a second variant when the text looks Ukrainian. */
const UKRAINIAN_MARKERS = /[іїєґ]/;

/** True when the text contains Cyrillic letters. */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

/**
 * Romanize lower-case Cyrillic letters; other characters pass through.
 * @example romanizeCyrillic("щербаков") // "shcherbakov"
 */
export function romanizeCyrillic(text: string): string {
  let out = "";
  for (const char of text) out += CYRILLIC[char] ?? char;
  return out;
}

/**
 * Latin variants of a Cyrillic string: the standard one, plus Ukrainian г -> h when marked.
 * @example romanizeCyrillicVariants("григорій") // ["hryhorii", ...]
 */
export function romanizeCyrillicVariants(text: string): string[] {
  const base = romanizeCyrillic(text);
  if (!UKRAINIAN_MARKERS.test(text)) return [base];
  const ukrainian = romanizeCyrillic(text.replace(/г/g, "һ").replace(/и/g, "ы"));
  return [ukrainian, base];
}
