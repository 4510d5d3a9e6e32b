export { TABLE_KINDS, type TableKind } from "./builtins.js";
export { detectEncoding, encodingName } from "./encoding.js";
export { createTableFormat, type TableFormatOptions, tableFormat } from "./format.js";
export { loadMapping, type MappingSpec, readMapping } from "./mapping.js";
export { parseAmount, parseDate } from "./values.js";
export { DEFAULT_ZIP_LIMITS, inspectZip, type ZipLimits } from "./zip-check.js";
