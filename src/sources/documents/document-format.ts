import { EntityBuilder, getProperty, type Statement, slugId } from "../../model/index.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "../types.js";
import { detectDocument } from "./detect.js";
import { extractDocument } from "./extract-document.js";
import type { DocumentText, StoredDocument } from "./types.js";

/** The id of the document entity of a file: its content hash, so a re-ingest is a no-op. */
export function documentId(sha256: string): string {
  return slugId("doc", sha256);
}

/**
 * The statements of a document entity: file facts, metadata, and the full text as one
 * `bodyText` value (kept verbatim, line breaks included, so spans index into it).
 * @example documentStatements(doc, file, "case-1")[0].entityId // "doc-<sha256>"
 */
export function documentStatements(
  document: DocumentText,
  file: SourceInput,
  dataset: string,
): Statement[] {
  const id = documentId(file.sha256);
  const builder = new EntityBuilder(document.schema, id, { dataset, source: file.sha256 });
  builder
    .add("fileName", file.name, "")
    .add("title", document.title ?? file.name, "")
    .add("mimeType", document.mimeType, "")
    .add("contentHash", file.sha256, "")
    .add("fileSize", file.size, "")
    .add("encoding", document.encoding, "");
  for (const [prop, values] of Object.entries(document.properties ?? {})) {
    for (const value of values) builder.add(prop, value, "");
  }
  getProperty(document.schema, "bodyText");
  const body: Statement[] = document.text
    ? [
        {
          entityId: id,
          schema: builder.schema,
          prop: "bodyText",
          value: document.text,
          dataset,
          source: file.sha256,
          locator: `span:0-${document.text.length}`,
        },
      ]
    : [];
  return [...builder.statements, ...body];
}

async function* readDocuments(
  files: SourceInput[],
  context: ReadContext,
): AsyncIterable<Statement[]> {
  for (const file of files) {
    const document = await extractDocument(file);
    const statements = documentStatements(document, file, context.dataset);
    const stored: StoredDocument = {
      id: documentId(file.sha256),
      text: document.text,
      pages: document.pages,
      dataset: context.dataset,
      source: file.sha256,
    };
    const annotations = context.annotate ? await context.annotate(stored) : [];
    context.onBytes?.(file.size);
    yield [...statements, ...annotations];
  }
}

/** Documents as evidence: PDF, DOCX, HTML, TXT and EML files become FtM document entities. */
export const documentFormat: SourceFormat = {
  id: "document",
  dataset: "",
  title: "Documents",
  kind: "evidence",
  claim: (probes: FileProbe[]) => probes.filter((probe) => detectDocument(probe) !== undefined),
  read: readDocuments,
};
