import type { EntityRecord, Statement } from "../model/index.js";
import { findRelationCues } from "./cues.js";
import { extractMentions } from "./extract-mentions.js";
import { buildLexicon, type Lexicon } from "./lexicon.js";
import { linkStatements, mentionStatements, type StoredDocument } from "./statements.js";

/** Derives statements from a stored document's text. */
export type TextAnnotator = (document: StoredDocument) => Statement[];

/**
 * Mentions and relation cues of one document, as statements stored with it.
 * @example annotateDocument(document, lexicon).filter((s) => s.schema === "UnknownLink")
 */
export function annotateDocument(document: StoredDocument, lexicon: Lexicon): Statement[] {
  const mentions = extractMentions(document.text, lexicon);
  const cues = findRelationCues(document.text, mentions);
  return [...mentionStatements(document, mentions), ...linkStatements(document, cues)];
}

/**
 * An annotator for document ingestion whose automaton holds every name of `entities`
 * (typically all of the workspace's entities) and the gazetteer.
 * @example await ingest(store, paths, { annotate: await createMentionAnnotator(store.iterateEntities()) });
 */
export async function createMentionAnnotator(
  entities: Iterable<EntityRecord> | AsyncIterable<EntityRecord>,
): Promise<TextAnnotator> {
  const lexicon = await buildLexicon(entities);
  return (document) => annotateDocument(document, lexicon);
}
