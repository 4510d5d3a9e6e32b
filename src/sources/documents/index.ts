export { decodeText } from "./decode.js";
export { detectDocument } from "./detect.js";
export { documentFormat, documentId, documentStatements } from "./document-format.js";
export { extractDocument } from "./extract-document.js";
export {
  type DocumentLimits,
  type DocumentText,
  defaultLimits,
  type PageRange,
  type StoredDocument,
  type TextAnnotator,
} from "./types.js";
