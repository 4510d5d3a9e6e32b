import { extname } from "node:path";
import type { FileProbe } from "../types.js";

export type DocumentKind = "pdf" | "docx" | "html" | "eml" | "txt";

const EXTENSIONS: Record<string, DocumentKind> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".eml": "eml",
  ".txt": "txt",
  ".text": "txt",
  ".md": "txt",
};

function looksLikeHtml(head: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head);
}

function looksLikeEmail(head: string): boolean {
  const top = head.slice(0, 4096);
  const headers = top.split(/\r?\n\r?\n/)[0] ?? "";
  return (
    /^(from|return-path|received|delivered-to):/im.test(headers) &&
    /^(subject|message-id|date):/im.test(headers) &&
    /^[\w-]+: /.test(top)
  );
}

/**
 * The document kind of a file, from its first bytes, else from its extension (a `.pdf`
 * that is not a PDF is still claimed, so that the reader can say what is wrong with it).
 * @example detectDocument(await probeFile("a.pdf")) // "pdf"
 */
export function detectDocument(probe: FileProbe): DocumentKind | undefined {
  const head = probe.head.subarray(0, 8192).toString("latin1");
  const byExtension = EXTENSIONS[extname(probe.name).toLowerCase()];
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("PK\u0003\u0004") && (byExtension === "docx" || head.includes("word/"))) {
    return "docx";
  }
  if (looksLikeHtml(head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, ""))) return "html";
  if (byExtension === "eml" || (byExtension === undefined && looksLikeEmail(head))) return "eml";
  return byExtension;
}
