export {
  type DocumentText,
  documentFormat,
  documentId,
  extractDocument,
  type PageRange,
  type StoredDocument,
  type TextAnnotator,
} from "./documents/index.js";
export { type Downloaded, type DownloadOptions, downloadFile } from "./download.js";
export { expandPaths, hashFile, headText, probeFile, toSourceInputs } from "./files.js";
export { ftmJsonFormat } from "./ftm-json.js";
export { groupByFormat, type LoadOptions, loadLists } from "./load.js";
export { type OfficialList, officialLists, resolveLists } from "./official-lists.js";
export { evidenceFormats, listFormats } from "./registry.js";
export {
  createTableFormat,
  loadMapping,
  type MappingSpec,
  parseAmount,
  parseDate,
  TABLE_KINDS,
  type TableKind,
  tableFormat,
} from "./tables/index.js";
export type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";
export { type UpdateOptions, type UpdateResult, updateLists } from "./update.js";
