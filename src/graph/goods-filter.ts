import { type ChplTier, chplTiers, normalizeHsCode } from "../goods/index.js";
import { SanctraceError } from "../model/index.js";
import type { GoodsInfo } from "./types.js";

/** One term of `--goods`: battlefield, chpl, a CHPL tier, or an HS prefix. */
export type GoodsTerm =
  | { kind: "battlefield" }
  | { kind: "chpl" }
  | { kind: "tier"; tier: ChplTier }
  | { kind: "hs"; prefix: string };

function parseTier(text: string): ChplTier | undefined {
  const cleaned = text
    .toUpperCase()
    .replace(/^TIER[ _-]?/, "")
    .replace(/[_ -]/g, ".");
  return chplTiers.find((tier) => tier === cleaned);
}

/**
 * Parse `--goods battlefield | chpl | TIER | HS,…` (comma-separated, any mix).
 * @example parseGoodsFilter("chpl,8806.21") // [{ kind: "chpl" }, { kind: "hs", prefix: "880621" }]
 */
export function parseGoodsFilter(spec: string): GoodsTerm[] {
  return spec
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term): GoodsTerm => {
      const lower = term.toLowerCase();
      if (lower === "battlefield" || lower === "chpl") return { kind: lower };
      const tier = parseTier(term);
      if (tier) return { kind: "tier", tier };
      const prefix = normalizeHsCode(term);
      if (prefix) return { kind: "hs", prefix };
      throw new SanctraceError(
        "goods_filter_invalid",
        `expected battlefield, chpl, a CHPL tier (1, 2, 3.A, 3.B, 4.A, 4.B) or an HS code, found "${term}"`,
        "--goods",
      );
    });
}

/**
 * True when goods satisfy one of the terms.
 * @example goodsMatch(graph.goods[0]!, parseGoodsFilter("8806")) // true for HS 8806.22
 */
export function goodsMatch(goods: GoodsInfo, terms: readonly GoodsTerm[]): boolean {
  return terms.some((term) => {
    if (term.kind === "battlefield") return goods.battlefield;
    if (term.kind === "chpl") return goods.chplTiers.length > 0;
    if (term.kind === "tier") return goods.chplTiers.includes(term.tier);
    return goods.codes.some((code) => code.startsWith(term.prefix));
  });
}

/**
 * One byte per interned goods entry: 1 when it matches, so the search tests an edge with one
 * array lookup.
 * @example goodsMask(graph.goods, parseGoodsFilter("chpl"))
 */
export function goodsMask(table: readonly GoodsInfo[], terms: readonly GoodsTerm[]): Uint8Array {
  return Uint8Array.from(table, (goods) => (goodsMatch(goods, terms) ? 1 : 0));
}
