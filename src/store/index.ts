export {
  describeEntity,
  type EntityView,
  type LinkedEntity,
  type StatementView,
} from "./describe.js";
export { defaultWorkspace, openStore } from "./open.js";
export { SqliteStore } from "./sqlite.js";
export type {
  AuditEntry,
  DatasetLoad,
  DatasetSummary,
  EntityQuery,
  Judgement,
  JudgementKind,
  ProgressListener,
  Store,
  StoreStats,
} from "./store.js";
