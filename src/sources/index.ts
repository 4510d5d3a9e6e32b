export { type Downloaded, type DownloadOptions, downloadFile } from "./download.js";
export { expandPaths, hashFile, headText, probeFile } from "./files.js";
export { ftmJsonFormat } from "./ftm-json.js";
export { groupByFormat, type LoadOptions, loadLists } from "./load.js";
export { type OfficialList, officialLists, resolveLists } from "./official-lists.js";
export { listFormats } from "./registry.js";
export type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";
export { type UpdateOptions, type UpdateResult, updateLists } from "./update.js";
