/** What kind of thing a mention names. */
export type MentionKind = "entity" | "organization" | "product" | "place";

/** A name found in a text, by its character span. */
export interface FoundMention {
  /** Offsets into the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** The text at the span. */
  name: string;
  kind: MentionKind;
  /** FtM schema the name looks like (`Company`, `Organization`, `Address` …). */
  schema: string;
  /** The known entity it names, when exactly one matched. */
  resolved?: string;
  /** Country of a place. */
  country?: string;
  /** How it was found: `lexicon`, `legal-form`, `context`, `code`, `alias`. */
  via: string;
}

const PRIORITY: Record<MentionKind, number> = { entity: 4, organization: 3, product: 2, place: 1 };

function outranks(left: FoundMention, right: FoundMention): boolean {
  const byKind = PRIORITY[left.kind] - PRIORITY[right.kind];
  if (byKind) return byKind > 0;
  return left.end - left.start > right.end - right.start;
}

/**
 * Keep the best of overlapping mentions: a known entity over a pattern match over a place,
 * then the longer span; the result is ordered by position.
 * @example resolveOverlaps([kupolPlant, izhevskPlace]) // [kupolPlant]
 */
export function resolveOverlaps(mentions: FoundMention[]): FoundMention[] {
  const ranked = [...mentions].sort((a, b) =>
    outranks(a, b) ? -1 : outranks(b, a) ? 1 : a.start - b.start,
  );
  const kept: FoundMention[] = [];
  for (const mention of ranked) {
    if (!kept.some((other) => mention.start < other.end && other.start < mention.end))
      kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}
