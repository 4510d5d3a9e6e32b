import { chplTierOf, parseHsCode } from "../goods/index.js";
import type { TierOf } from "./graph-data.js";

/**
 * The Common High Priority List tier of a shipment from its HS codes (first listed code wins).
 * @example chplTierOfCodes(["8542.31"], []) // "1" (integrated circuits)
 */
export const chplTierOfCodes: TierOf = (hsCodes) => {
  for (const text of hsCodes) {
    try {
      const tier = chplTierOf(parseHsCode(text));
      if (tier) return tier;
    } catch {
      // A malformed code on a declaration says nothing about the tier.
    }
  }
  return null;
};
