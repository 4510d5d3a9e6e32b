import anyAscii from "any-ascii";
import { pinyin } from "pinyin-pro";
import { romanizeCyrillicVariants } from "./cyrillic.js";
import { foldText } from "./fold.js";

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Chinese runs as pinyin: separated syllables, and each run's syllables joined. */
function romanizeHan(text: string): string[] {
  const syllables = pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" });
  const separated = syllables.join(" ");
  // Names are usually written surname + joined given name (Xi Jinping).
  const runs = text.split(/(\p{Script=Han}+)/u).filter(Boolean);
  const joined = runs
    .map((run) => {
      if (!HAN.test(run)) return run;
      const parts = pinyin(run, { toneType: "none", type: "array" });
      return parts.length > 2 ? `${parts[0]} ${parts.slice(1).join("")}` : parts.join("");
    })
    .join(" ");
  return [separated, joined];
}

/** any-ascii writes Hangul syllables capitalised; split them so names keep their parts. */
function romanizeOther(text: string): string {
  return anyAscii(text)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/**
 * Latin spellings of a name in any script. Cyrillic gets one romanization per convention
 * family (the skeleton absorbs the rest), Chinese gets pinyin separated and joined, other
 * scripts go through any-ascii. Latin input comes back folded, diacritics removed.
 * @example transliterate("Путин") // ["putin"]
 * @example transliterate("习近平") // ["xi jin ping", "xi jinping"]
 */
export function transliterate(text: string): string[] {
  const folded = foldText(text);
  let variants = [folded];
  if (CYRILLIC.test(folded)) variants = variants.flatMap(romanizeCyrillicVariants);
  if (HAN.test(folded)) variants = variants.flatMap(romanizeHan);
  const latin = variants.map((variant) =>
    NON_ASCII.test(variant) ? romanizeOther(variant) : variant,
  );
  return [...new Set(latin)];
}
