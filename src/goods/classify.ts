import { type GoodsCategory, goodsCategories } from "./categories.js";
import {
  type ChplTier,
  chplTierOf,
  describeHsCode,
  type HsInfo,
  normalizeHsCode,
} from "./hs-code.js";

/** One category found in a description or code, with what revealed it. */
export interface CategoryMatch {
  category: string;
  label: string;
  /** The keywords found (as written in the text), or `HS 8806` for a code match. */
  keywords: string[];
}

export interface GoodsClassification {
  text: string;
  hs?: HsInfo;
  chplTier?: ChplTier;
  categories: CategoryMatch[];
  /** True when the goods are on the CHPL, carry a battlefield HS code, or match a category. */
  battlefield: boolean;
}

/** HS prefixes of UAVs, their engines and parts, battlefield whatever the CHPL says. */
export const battlefieldHsPrefixes: readonly string[] = [
  "8806",
  "8807",
  "840710",
  "840910",
  "8411",
  "841210",
  "852691",
  "852692",
];

interface CompiledCategory {
  category: GoodsCategory;
  pattern: RegExp;
}

const cjk = /[\u3400-\u9fff]/u;
let compiled: CompiledCategory[] | undefined;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One alternative of a category pattern: `*` stems, CJK substrings, whole words otherwise. */
function keywordPattern(keyword: string): string {
  if (cjk.test(keyword)) return escapeRegex(keyword);
  const stem = keyword.endsWith("*");
  const words = (stem ? keyword.slice(0, -1) : keyword).split(" ").map((word) => {
    const wordStem = word.endsWith("*");
    const body = escapeRegex(wordStem ? word.slice(0, -1) : word);
    return wordStem ? `${body}[\\p{L}\\p{N}]*` : body;
  });
  const tail = stem ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])";
  return `(?<![\\p{L}\\p{N}])${words.join("[\\s-]+")}${tail}`;
}

function compileCategories(): CompiledCategory[] {
  compiled ??= goodsCategories.map((category) => ({
    category,
    pattern: new RegExp(category.keywords.map(keywordPattern).join("|"), "gu"),
  }));
  return compiled;
}

function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/ё/g, "е");
}

function matchText(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const normalized = normalizeText(text);
  for (const { category, pattern } of compileCategories()) {
    for (const match of normalized.matchAll(pattern)) {
      const words = found.get(category.id) ?? new Set<string>();
      words.add(match[0]);
      found.set(category.id, words);
    }
  }
  return found;
}

function matchCode(code: string, found: Map<string, Set<string>>): void {
  for (const category of goodsCategories) {
    const prefix = category.hsPrefixes.find((candidate) => code.startsWith(candidate));
    if (!prefix) continue;
    const words = found.get(category.id) ?? new Set<string>();
    words.add(`HS ${prefix}`);
    found.set(category.id, words);
  }
}

/**
 * Classify goods from their description (English, Russian, Chinese) and optional HS code
 * into battlefield categories, naming the keywords that decided each one.
 * @example
 * classifyGoods("квадрокоптер DJI Mavic 3").categories
 * // [{ category: "uav", label: "UAVs, drone models and their parts", keywords: ["квадрокоптер", "mavic"] }]
 */
export function classifyGoods(text: string, options: { hs?: string } = {}): GoodsClassification {
  const found = matchText(text);
  const result: GoodsClassification = { text, categories: [], battlefield: false };
  if (options.hs) {
    result.hs = describeHsCode(options.hs);
    matchCode(result.hs.code, found);
    if (result.hs.chplTier) result.chplTier = result.hs.chplTier;
  }
  result.categories = goodsCategories
    .filter((category) => found.has(category.id))
    .map((category) => ({
      category: category.id,
      label: category.label,
      keywords: [...found.get(category.id)!],
    }));
  const code = result.hs?.code ?? "";
  result.battlefield =
    result.categories.length > 0 ||
    Boolean(result.chplTier) ||
    battlefieldHsPrefixes.some((prefix) => code.startsWith(prefix));
  return result;
}

/**
 * True when an HS code (any notation) is battlefield goods by code alone: on the CHPL or
 * under a UAV, engine or navigation prefix.
 * @example isBattlefieldHsCode("8407.10") // true
 */
export function isBattlefieldHsCode(text: string): boolean {
  const code = normalizeHsCode(text);
  if (!code) return false;
  return Boolean(chplTierOf(code)) || battlefieldHsPrefixes.some((p) => code.startsWith(p));
}
