import { type FoldedText, foldName, foldText } from "./fold.js";
import { findKnownNames } from "./known-names.js";
import { Lexicon } from "./lexicon.js";
import { type FoundMention, resolveOverlaps } from "./mention.js";
import { findPatternNames } from "./patterns.js";

const REGION_WORD =
  /^[ \t]+(?:region|oblast|province|krai|district|republic|county|prefecture|область|области|край|крае|района?|республик\p{L}*)(?![\p{L}])|^(?:省|市|州|地区)/u;
const QUOTED = /[«"„“]([^»"“”\n]{2,80})[»"”“]/gu;

/** A place followed by "region", "oblast", "область", "省" … names the region. */
function extendRegions(text: string, mentions: FoundMention[]): FoundMention[] {
  return mentions.map((mention) => {
    if (mention.kind !== "place") return mention;
    const region = REGION_WORD.exec(text.slice(mention.end, mention.end + 20));
    if (!region) return mention;
    const end = mention.end + region[0].length;
    return { ...mention, end, name: text.slice(mention.start, end) };
  });
}

/** A name cut inside quotes (Plant “Kupol) takes its closing quote, so the quoted part shows. */
function closeQuotes(text: string, mentions: FoundMention[]): FoundMention[] {
  return mentions.map((mention) => {
    const opened = /[«"„“][^»"”“]*$/u.test(mention.name);
    if (!opened || !/^[»"”“]/u.test(text.slice(mention.end, mention.end + 1))) return mention;
    return { ...mention, end: mention.end + 1, name: text.slice(mention.start, mention.end + 1) };
  });
}

/** Short names a document uses after introducing the full one: «Kupol», the core of "X Co., Ltd.". */
function localAliases(mention: FoundMention): string[] {
  if (mention.kind !== "entity" && mention.kind !== "organization") return [];
  const aliases = [...mention.name.matchAll(QUOTED)].map((match) => match[1]!);
  if (mention.kind === "organization" && !aliases.length) aliases.push(mention.name);
  return aliases.filter((alias) => foldName(alias).length >= 4);
}

/** Find the document's own short names again wherever they recur. */
function findAliases(text: string, folded: FoldedText, found: FoundMention[]): FoundMention[] {
  const local = new Lexicon();
  const byAlias: FoundMention[] = [];
  const taken = new Set<string>();
  // Known entities claim a short name before pattern-found organizations do.
  const ordered = [...found].sort(
    (a, b) => Number(b.kind === "entity") - Number(a.kind === "entity"),
  );
  for (const mention of ordered) {
    for (const alias of localAliases(mention)) {
      if (taken.has(foldName(alias))) continue;
      taken.add(foldName(alias));
      local.add(alias, { kind: "entity", id: String(byAlias.length), schema: mention.schema });
      byAlias.push(mention);
    }
  }
  if (!byAlias.length) return [];
  local.seal();
  return findKnownNames(text, local, folded).flatMap((hit) => {
    if (hit.resolved === undefined) return [];
    const { resolved, ...rest } = byAlias[Number(hit.resolved)]!;
    const where = { start: hit.start, end: hit.end, name: hit.name, via: "alias" };
    return [{ ...rest, ...where, ...(resolved && { resolved }) }];
  });
}

/**
 * Every mention in a text: known entity names and places from the lexicon's automaton,
 * organizations and products by pattern, and the short names the text goes on to use.
 * @example extractMentions(articleText, lexicon).filter((m) => m.resolved === "ofac-46431")
 */
export function extractMentions(text: string, lexicon: Lexicon): FoundMention[] {
  const folded = foldText(text);
  const first = resolveOverlaps([
    ...findKnownNames(text, lexicon, folded),
    ...findPatternNames(text),
  ]);
  const withRegions = closeQuotes(text, extendRegions(text, first));
  return resolveOverlaps([...withRegions, ...findAliases(text, folded, withRegions)]);
}
