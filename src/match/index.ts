export { type CanonicalView, describeCanonical, mergeRecords } from "./canonical.js";
export { type CompareResult, comparePair, comparePairs } from "./compare.js";
export { schemataCompatible } from "./facts.js";
export { type JudgeInput, type JudgeResult, judgePair, loadResolver } from "./judge.js";
export { IndexAssembly, MATCHABLE } from "./kept-index.js";
export { buildMatchIndex, InMemoryMatchIndex } from "./match-index.js";
export { Matcher, type MatcherOptions, openMatcher, type ResolvedHit } from "./matcher.js";
export { buildNameQuery, type NameQueryInput, parseQuery, queryKey } from "./query.js";
export { describeInput, readQueryFile, workspaceQueries } from "./query-file.js";
export { pairKey, Resolver } from "./resolver.js";
export { type PreparedRecord, prepareRecord, scorePair, scorePrepared, WEIGHTS } from "./score.js";
export {
  listScreenRuns,
  type ScreenHit,
  type ScreenInput,
  type ScreenOptions,
  type ScreenResult,
  type ScreenRun,
  screenEntities,
  toScreenHit,
} from "./screen.js";
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
export { WarmPool } from "./warm-pool.js";
