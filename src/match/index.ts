export { schemataCompatible } from "./facts.js";
export { buildMatchIndex, InMemoryMatchIndex } from "./match-index.js";
export { type PreparedRecord, prepareRecord, scorePair, scorePrepared, WEIGHTS } from "./score.js";
export {
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  type FeatureContribution,
  type MatchHit,
  type MatchIndex,
  type MatchOptions,
  type MatchQuery,
  type PairScore,
} from "./types.js";
