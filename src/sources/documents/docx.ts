import { SanctraceError } from "../../model/index.js";
import type { DocumentLimits, DocumentText } from "./types.js";
import { checkZip } from "./zip-guard.js";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function checkIsZip(bytes: Uint8Array, file: string): void {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new SanctraceError(
      "docx_not_zip",
      "a DOCX file is a zip archive, but this one does not start with PK; it is not a DOCX",
      file,
    );
  }
}

/**
 * The text of a Word document, one paragraph per line block (mammoth's raw text). The zip
 * is checked for bombs before mammoth inflates it.
 * @example const { text } = await extractDocx(bytes, "contract.docx", defaultLimits);
 */
export async function extractDocx(
  bytes: Uint8Array,
  file: string,
  limits: DocumentLimits,
): Promise<DocumentText> {
  checkIsZip(bytes, file);
  const names = await checkZip(bytes, file, limits);
  if (!names.includes("word/document.xml")) {
    throw new SanctraceError("docx_broken", "the zip has no word/document.xml", file);
  }
  let raw: string;
  try {
    const { default: mammoth } = await import("mammoth");
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new SanctraceError(
      "docx_broken",
      `mammoth cannot read it (${(error as Error).message})`,
      file,
    );
  }
  const text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { schema: "PlainText", mimeType: DOCX_MIME, text, pages: [] };
}
