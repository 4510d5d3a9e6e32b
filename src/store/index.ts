export {
  describeEntity,
  type EntityView,
  type LinkedEntity,
  type StatementView,
} from "./describe.js";
export {
  FactPacker,
  type FactPacking,
  isPackedBatch,
  modelProperties,
  type PackedBatch,
  type PackedFacts,
  type PackForm,
} from "./fact-pack.js";
export { defaultWorkspace, openStore } from "./open.js";
export { SqliteStore } from "./sqlite.js";
export type {
  AuditEntry,
  CaseItem,
  CaseRecord,
  DatasetLoad,
  DatasetSummary,
  EntityQuery,
  Judgement,
  JudgementKind,
  ProgressListener,
  Store,
  StoreStats,
} from "./store.js";
