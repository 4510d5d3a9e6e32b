import { pinyin } from "pinyin-pro";
import { combineAlignment } from "./name-score.js";
import type { MatchQuery } from "./types.js";

/**
 * A name written in a script whose characters are chosen one by one (Chinese, Korean): two
 * such names that differ in a character are different names, even when their romanizations
 * coincide (高市 and 高石 are both "gao shi"; 이재명 and 이재형 differ by one letter).
 */
export interface NativeName {
  script: "han" | "hangul";
  text: string;
  /** Han: each character's reading with its tone (Traditional and Simplified forms agree); Hangul: syllables. */
  units: string[];
}

const HAN_RUN = /\p{Script=Han}+/gu;
const HANGUL_RUN = /\p{Script=Hangul}+/gu;
export const NAME_PROPS = ["name", "alias", "previousName", "weakAlias"];
const NATIVE_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}]/u;

/**
 * True when a name has characters `nativeNames` compares (Chinese or Korean).
 * @example hasNativeScript("高市早苗") // true
 */
export function hasNativeScript(name: string): boolean {
  return NATIVE_SCRIPT.test(name);
}

function nativeOf(name: string): NativeName | undefined {
  const han = name.match(HAN_RUN)?.join("");
  if (han) {
    const units = pinyin(han, { toneType: "num", type: "array" });
    return { script: "han", text: han, units };
  }
  const hangul = name.match(HANGUL_RUN)?.join("");
  return hangul ? { script: "hangul", text: hangul, units: [...hangul] } : undefined;
}

/**
 * The Chinese and Korean names of a record in their own script.
 * @example nativeNames({ schema: "Person", properties: { name: ["習近平"] } })[0].units // ["xi2", "jin4", "ping2"]
 */
export function nativeNames(record: MatchQuery): NativeName[] {
  const out: NativeName[] = [];
  for (const prop of NAME_PROPS) {
    for (const name of record.properties[prop] ?? []) {
      const native = nativeOf(name);
      if (native) out.push(native);
    }
  }
  return out;
}

/** Characters in common, order free; a missing one costs less than a different one. */
function compareUnits(left: string[], right: string[]): number {
  const rest = [...right];
  let matched = 0;
  for (const unit of left) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    rest.splice(at, 1);
    matched++;
  }
  return combineAlignment(matched, matched, left.length - matched, rest.length);
}

/** The best same-script comparison of two records' native names, if they share a script. */
export interface NativeComparison {
  score: number;
  left: NativeName;
  right: NativeName;
}

/**
 * Compare the native-script names of two records; undefined when no script is shared.
 * @example compareNative(nativeNames(a), nativeNames(b))?.score // 0.4 for 习近朋 vs 习近平
 */
export function compareNative(
  left: NativeName[],
  right: NativeName[],
): NativeComparison | undefined {
  let best: NativeComparison | undefined;
  for (const a of left) {
    for (const b of right) {
      if (a.script !== b.script) continue;
      const score = compareUnits(a.units, b.units);
      if (!best || score > best.score) best = { score, left: a, right: b };
    }
  }
  return best;
}
