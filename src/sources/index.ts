export { caSemaFormat } from "./ca-sema.js";
export { countryCode } from "./countries.js";
export { isoDates } from "./dates.js";
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
export { euFsfFormat } from "./eu-fsf.js";
export { expandPaths, hashFile, headText, probeFile, toSourceInputs } from "./files.js";
export { ftmJsonFormat } from "./ftm-json.js";
export { addFacts, parseRemarks, type RemarkFact, refineIdentifier } from "./identifiers.js";
export { groupByFormat, type LoadOptions, loadLists } from "./load.js";
export { ofacConsFormat, ofacSdnFormat } from "./ofac-csv.js";
export { type OfficialList, officialLists, resolveLists } from "./official-lists.js";
export { evidenceFormats, listFormats } from "./registry.js";
export {
  createTableFormat,
  loadMapping,
  type MappingSpec,
  parseAmount,
  parseDate,
  TABLE_KINDS,
  type TableFormatOptions,
  type TableKind,
  tableFormat,
} from "./tables/index.js";
export type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";
export { ukSanctionsFormat } from "./uk-sanctions.js";
export { unScFormat } from "./un-sc.js";
export { type UpdateOptions, type UpdateResult, updateLists } from "./update.js";
export { usBisDplFormat } from "./us-bis-dpl.js";
export { usFrEntityListFormat } from "./us-fr-entity-list.js";
export { usTradeCslFormat } from "./us-trade-csl.js";
