import { EntityBuilder, makeId, type Statement } from "../model/index.js";
import type { RelationCue } from "./cues.js";
import { foldName } from "./fold.js";
import type { FoundMention } from "./mention.js";

/** A page's range in a document's text. */
export interface PageRange {
  number: number;
  start: number;
  end: number;
}

/**
 * A stored document whose text is annotated (the shape sources' document reader offers;
 * extract does not import sources, the arrow points the other way).
 */
export interface StoredDocument {
  id: string;
  text: string;
  pages: readonly PageRange[];
  dataset: string;
  /** sha256 of the source file. */
  source: string;
}

/**
 * The locator of a span: `page:N span:A-B` in a paginated document, else `span:A-B`.
 * @example spanLocator(10, 42, [{ number: 2, start: 0, end: 99 }]) // "page:2 span:10-42"
 */
export function spanLocator(start: number, end: number, pages: readonly PageRange[]): string {
  const page = pages.find((range) => start >= range.start && start < range.end);
  return page ? `page:${page.number} span:${start}-${end}` : `span:${start}-${end}`;
}

/** Mentions of one thing in one document share a Mention entity: by resolved id, else by name. */
function mentionKey(mention: FoundMention): string {
  return mention.resolved ?? `${mention.kind}:${foldName(mention.name)}`;
}

/** The id of the Mention entity a mention belongs to. */
export function mentionId(document: StoredDocument, mention: FoundMention): string {
  return makeId("mention", document.id, mentionKey(mention));
}

/**
 * One FtM `Mention` per thing named in the document; each occurrence adds a `name`
 * statement located at its span.
 * @example mentionStatements(document, mentions).filter((s) => s.prop === "resolved")
 */
export function mentionStatements(document: StoredDocument, mentions: FoundMention[]): Statement[] {
  const builders = new Map<string, EntityBuilder>();
  const context = { dataset: document.dataset, source: document.source };
  for (const mention of mentions) {
    const id = mentionId(document, mention);
    const locator = spanLocator(mention.start, mention.end, document.pages);
    let builder = builders.get(id);
    if (!builder) {
      builder = new EntityBuilder("Mention", id, context);
      builders.set(id, builder);
      builder.add("document", document.id, locator).add("detectedSchema", mention.schema, locator);
      builder
        .add("resolved", mention.resolved, locator)
        .add("contextCountry", mention.country, locator);
    }
    builder.add("name", mention.name, locator);
  }
  return [...builders.values()].flatMap((builder) => builder.statements);
}

/** A party of a link: the known entity when resolved, else the Mention standing for it. */
function partyId(document: StoredDocument, mention: FoundMention): string {
  return mention.resolved ?? mentionId(document, mention);
}

/**
 * An `UnknownLink` per relation cue, marked extracted and unverified, whose proof is the
 * document at the sentence's span.
 * @example linkStatements(document, cues).find((s) => s.prop === "role")?.value // "acquired"
 */
export function linkStatements(document: StoredDocument, cues: RelationCue[]): Statement[] {
  const context = { dataset: document.dataset, source: document.source };
  return cues.flatMap((cue) => {
    const subject = partyId(document, cue.subject);
    const object = partyId(document, cue.object);
    const locator = spanLocator(cue.sentence.start, cue.sentence.end, document.pages);
    const id = makeId("link", document.id, subject, object, cue.role, cue.sentence.start);
    return new EntityBuilder("UnknownLink", id, context)
      .add("subject", subject, locator)
      .add("object", object, locator)
      .add("role", cue.role, locator)
      .add("status", "extracted, unverified", locator)
      .add("proof", document.id, locator)
      .add("description", document.text.slice(cue.sentence.start, cue.sentence.end), locator)
      .statements;
  });
}
