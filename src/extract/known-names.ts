import { type FoldedText, foldText } from "./fold.js";
import type { Lexicon, NameTarget } from "./lexicon.js";
import type { FoundMention } from "./mention.js";

/** Folded Russian case endings that may follow a name inside one Cyrillic word. */
const CASE_ENDINGS = new Set(
  "a u e y i o om oi oy ei ey iu yu ia ya ami iami akh iakh am iam ov ev ie ii iei ei'".split(" "),
);
/** Cyrillic and Cyrillic Supplement blocks. */
const isCyrillic = (code: number) => code >= 0x400 && code <= 0x52f;

/** Where the match ends in the original text, or -1 when it stops inside a word. */
function matchEnd(text: string, folded: FoldedText, end: number, stem: boolean): number {
  const token = folded.tokenOf[end - 1]!;
  const tokenFoldedEnd = folded.foldedStart[token + 1]!;
  if (tokenFoldedEnd === end && !stem) return folded.tokenEnd[token]!;
  if (!isCyrillic(text.charCodeAt(folded.tokenStart[token]!))) return -1;
  const rest = tokenFoldedEnd - end;
  if (rest === 0) return folded.tokenEnd[token]!;
  let ending = "";
  for (let at = end; at < tokenFoldedEnd; at++)
    ending += String.fromCharCode(97 + folded.symbols[at]!);
  return rest <= 4 && CASE_ENDINGS.has(ending) ? folded.tokenEnd[token]! : -1;
}

/** A name in running text starts with a capital (or a letter without case, as in Chinese). */
function startsProperly(text: string, start: number): boolean {
  const first = text[start]!;
  return first === first.toUpperCase();
}

function toMention(text: string, start: number, end: number, targets: NameTarget[]): FoundMention {
  const name = text.slice(start, end);
  const entities = [...new Set(targets.flatMap((t) => (t.kind === "entity" ? [t.id] : [])))];
  const entity = targets.find((t) => t.kind === "entity");
  if (entity?.kind === "entity") {
    const resolved = entities.length === 1 ? { resolved: entity.id } : {};
    return { start, end, name, kind: "entity", schema: entity.schema, via: "lexicon", ...resolved };
  }
  const place = targets[0] as Extract<NameTarget, { kind: "place" }>;
  return {
    start,
    end,
    name,
    kind: "place",
    schema: "Address",
    country: place.country,
    via: "lexicon",
  };
}

/**
 * Every occurrence of a lexicon name in a text, across scripts, in one pass of the
 * automaton. Overlapping candidates are all returned; `resolveOverlaps` picks.
 * @example findKnownNames("Завод «Купол» в Ижевске", lexicon).map((m) => m.name) // ["Купол", "Ижевске"]
 */
export function findKnownNames(
  text: string,
  lexicon: Lexicon,
  folded: FoldedText = foldText(text),
): FoundMention[] {
  const mentions: FoundMention[] = [];
  for (const hit of lexicon.automaton.scan(folded)) {
    const start = folded.tokenStart[folded.tokenOf[hit.start]!]!;
    if (!startsProperly(text, start)) continue;
    const end = matchEnd(text, folded, hit.end, lexicon.stems.has(hit.pattern));
    if (end < 0) continue;
    mentions.push(toMention(text, start, end, lexicon.targets[hit.pattern]!));
  }
  return mentions;
}
