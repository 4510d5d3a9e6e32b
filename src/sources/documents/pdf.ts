import { SanctraceError } from "../../model/index.js";
import type { DocumentText, PageRange } from "./types.js";

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

/** Join a page's text items, keeping the line breaks the PDF marks. */
function joinPieces(items: readonly TextPiece[]): string {
  let text = "";
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    text += item.str;
    if (item.hasEOL) text += "\n";
  }
  return text.replace(/[ \t]+\n/g, "\n").trimEnd();
}

function checkStructure(bytes: Uint8Array, file: string): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) {
    throw new SanctraceError("pdf_not_pdf", "no %PDF- header; this is not a PDF file", file);
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  if (!tail.includes("%%EOF")) {
    throw new SanctraceError(
      "pdf_truncated",
      "no %%EOF marker at the end; the PDF is cut short, fetch it again",
      `${file} byte:${bytes.length}`,
    );
  }
}

async function openPdf(bytes: Uint8Array, file: string) {
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const task = getDocument({
      data: new Uint8Array(bytes),
      verbosity: VerbosityLevel.ERRORS,
      isEvalSupported: false,
      useSystemFonts: false,
      stopAtErrors: true,
    });
    return await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    const code = name === "PasswordException" ? "pdf_encrypted" : "pdf_broken";
    throw new SanctraceError(code, `pdf.js cannot open it (${(error as Error).message})`, file);
  }
}

async function readPageText(pdf: Awaited<ReturnType<typeof openPdf>>, n: number, file: string) {
  try {
    const page = await pdf.getPage(n);
    return joinPieces((await page.getTextContent()).items as TextPiece[]);
  } catch (error) {
    throw new SanctraceError("pdf_broken", (error as Error).message, `${file} page:${n}`);
  }
}

async function readTitle(pdf: Awaited<ReturnType<typeof openPdf>>): Promise<string | undefined> {
  const metadata = await pdf.getMetadata().catch(() => undefined);
  const title = (metadata?.info as { Title?: unknown } | undefined)?.Title;
  return typeof title === "string" && title.trim() ? title.trim() : undefined;
}

/**
 * The text layer of a PDF, page by page; pages are separated by a blank line and each
 * page's range in the text is kept. Scanned pages without a text layer yield no text.
 * @example const { text, pages } = await extractPdf(bytes, "invoice.pdf");
 */
export async function extractPdf(bytes: Uint8Array, file: string): Promise<DocumentText> {
  checkStructure(bytes, file);
  const pdf = await openPdf(bytes, file);
  try {
    let text = "";
    const pages: PageRange[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      if (number > 1) text += "\n\n";
      const start = text.length;
      text += await readPageText(pdf, number, file);
      pages.push({ number, start, end: text.length });
    }
    const title = await readTitle(pdf);
    return { schema: "Pages", mimeType: "application/pdf", text, pages, ...(title && { title }) };
  } finally {
    await pdf.destroy();
  }
}
