export { requireCommonJs } from "./cjs.js";
export {
  type BuilderContext,
  EntityBuilder,
  foldStatements,
  pickCaption,
  toFtm,
} from "./entity.js";
export { isSanctraceError, SanctraceError } from "./errors.js";
export { makeId, sha256, slugId } from "./ids.js";
export {
  captionProperties,
  commonSchema,
  findProperty,
  getProperty,
  getSchema,
  isA,
  model,
  propertyType,
} from "./model.js";
export {
  type Batch,
  batchSize,
  batchStatements,
  type EntityRecord,
  type Fact,
  type FactBatch,
  type FtmEntity,
  isFactBatch,
  type Locator,
  type Provenance,
  type ReferenceToken,
  type SourceFile,
  type Statement,
  statementFacts,
} from "./statement.js";
export { detach } from "./strings.js";
export { startWorker } from "./threads.js";
