export { type GoodsCategory, goodsCategories } from "./categories.js";
export {
  battlefieldHsPrefixes,
  type CategoryMatch,
  classifyGoods,
  type GoodsClassification,
  isBattlefieldHsCode,
} from "./classify.js";
export {
  type ChplTier,
  chplTierOf,
  chplTiers,
  describeHsCode,
  type HsInfo,
  type HsLevel,
  listChpl,
  normalizeHsCode,
  parseHsCode,
} from "./hs-code.js";
