import { readFile, stat } from "node:fs/promises";
import { SanctraceError } from "../../model/index.js";
import type { FileProbe } from "../types.js";
import { decodeText } from "./decode.js";
import { detectDocument } from "./detect.js";
import { extractDocx } from "./docx.js";
import { extractEmail } from "./eml.js";
import { declaredCharset, htmlToText } from "./html.js";
import { extractPdf } from "./pdf.js";
import { type DocumentLimits, type DocumentText, defaultLimits } from "./types.js";

function extractPlainText(bytes: Uint8Array, file: string): DocumentText {
  const decoded = decodeText(bytes, file);
  return {
    schema: "PlainText",
    mimeType: "text/plain",
    text: decoded.text.replace(/^\uFEFF/, ""),
    pages: [],
    encoding: decoded.encoding,
  };
}

async function readBounded(path: string, name: string, limits: DocumentLimits): Promise<Buffer> {
  const { size } = await stat(path);
  if (size > limits.maxFileBytes) {
    throw new SanctraceError(
      "document_too_large",
      `${size} bytes is above the ${limits.maxFileBytes}-byte limit for one document`,
      name,
    );
  }
  return readFile(path);
}

/**
 * Take the text out of a document file (PDF, DOCX, HTML, TXT, EML), detected by content.
 * @example const doc = await extractDocument(await probeFile("article.txt")); doc.text
 */
export async function extractDocument(
  probe: FileProbe,
  limits: DocumentLimits = defaultLimits,
): Promise<DocumentText> {
  const kind = detectDocument(probe);
  const bytes = await readBounded(probe.path, probe.name, limits);
  switch (kind) {
    case "pdf":
      return extractPdf(bytes, probe.name);
    case "docx":
      return extractDocx(bytes, probe.name, limits);
    case "html":
      return htmlToText(decodeText(bytes, probe.name, declaredCharset(bytes)));
    case "eml":
      return extractEmail(bytes, probe.name);
    case "txt":
      return extractPlainText(bytes, probe.name);
    default:
      throw new SanctraceError(
        "document_unknown_format",
        "not a PDF, DOCX, HTML, TXT or EML document",
        probe.name,
      );
  }
}
