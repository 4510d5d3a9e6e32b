export { annotateDocument, createMentionAnnotator, type TextAnnotator } from "./annotator.js";
export { NameAutomaton } from "./automaton.js";
export { findRelationCues, type RelationCue } from "./cues.js";
export { extractMentions } from "./extract-mentions.js";
export { foldName, foldText } from "./fold.js";
export { buildLexicon, Lexicon, type NameTarget } from "./lexicon.js";
export type { FoundMention, MentionKind } from "./mention.js";
export {
  linkStatements,
  mentionId,
  mentionStatements,
  type PageRange,
  type StoredDocument,
  spanLocator,
} from "./statements.js";
