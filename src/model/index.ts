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
export type {
  EntityRecord,
  FtmEntity,
  Locator,
  Provenance,
  SourceFile,
  Statement,
} from "./statement.js";
