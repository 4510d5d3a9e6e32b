import type { FoundMention, MentionKind } from "./mention.js";
import { type Sentence, splitSentences } from "./sentences.js";

/** A relation a sentence states between two mentions, by a cue word between them. */
export interface RelationCue {
  subject: FoundMention;
  object: FoundMention;
  /** The cue, normalized: `supplied`, `acquired`, `approved for testing` … */
  role: string;
  /** The cue as written, and the sentence holding it. */
  cue: string;
  sentence: Sentence;
}

/** Cue words by the role they signal, in English, Russian and Chinese. */
const CUES: Array<[string, string]> = [
  [
    "approved for testing",
    String.raw`approved\s+(?:\S+\s+){0,3}?for\s+testing|одобрил\p{L}*\s+(?:\S+\s+){0,3}?(?:для|к)\s+испытани\p{L}*|批准测试`,
  ],
  [
    "supplied",
    String.raw`suppl(?:y|ies|ied|ying)|поставил\p{L}*|поставля\p{L}*|поставк\p{L}*|供应|供货|提供`,
  ],
  ["delivered", String.raw`deliver(?:s|ed|ing|y|ies)?|доставил\p{L}*|交付`],
  [
    "acquired",
    String.raw`acquir(?:e|es|ed|ing)|acquisition|purchas(?:e|es|ed|ing)|b(?:uy|uys|ought)|приобрел\p{L}*|приобрёл|купил\p{L}*|закупил\p{L}*|收购|购买|采购`,
  ],
  [
    "paid",
    String.raw`pa(?:y|ys|id|ying)|payments?|оплатил\p{L}*|заплатил\p{L}*|перевел\p{L}*|支付|付款`,
  ],
  ["owns", String.raw`own(?:s|ed)|владе\p{L}*|拥有|控股`],
  ["visited", String.raw`visit(?:s|ed|ing)?|посетил\p{L}*|посещ\p{L}*|访问|考察`],
  ["shipped", String.raw`ship(?:s|ped|ping|ments?)?|отгрузил\p{L}*|отправил\p{L}*|运送|发运|发货`],
  ["sold", String.raw`s(?:ell|ells|old|elling)|продал\p{L}*|销售|出售`],
  ["exported", String.raw`export(?:s|ed|ing)?|экспортировал\p{L}*|出口`],
  [
    "produced",
    String.raw`produc(?:e|es|ed|ing|tion)|manufactur(?:e|es|ed|ing)|произвел\p{L}*|производ\p{L}*|生产|制造`,
  ],
  ["financed", String.raw`financ(?:e|es|ed|ing)|финансировал\p{L}*|资助`],
];
const CUE_PATTERN = new RegExp(
  CUES.map(([, source], index) => `(?<c${index}>${source})`)
    .join("|")
    .replace(/^/, "(?<![\\p{Script=Latin}\\p{Script=Cyrillic}])(?:")
    .concat(")(?![a-z])"),
  "giu",
);
/** What may stand between coordinated mentions: "Kupol and Vector", "A140, A900". */
const COORDINATION = /^(?:\s*(?:,|and|or|и|или|和|与|及|、)\s*)+$/u;

function roleOf(match: RegExpMatchArray): string {
  const index = Object.entries(match.groups ?? {}).findIndex(([, value]) => value !== undefined);
  return CUES[index]![0];
}

/** The mentions joined to `from` by "and" or commas, walking in one direction. */
function coordinated(
  text: string,
  mentions: FoundMention[],
  from: number,
  step: 1 | -1,
): FoundMention[] {
  const group = [mentions[from]!];
  for (let at = from + step; at >= 0 && at < mentions.length; at += step) {
    const [left, right] =
      step === 1 ? [mentions[at - 1]!, mentions[at]!] : [mentions[at]!, mentions[at + 1]!];
    if (!COORDINATION.test(text.slice(left.end, right.start))) break;
    group.push(mentions[at]!);
  }
  return group;
}

/** Who can act: a known entity or an organization, not a place or a product. */
const isParty = (mention: FoundMention) =>
  mention.kind === "entity" || mention.kind === "organization";
/** A relative clause between the object and its subjects: "HW52V, which Kupol approved". */
const RELATIVE = /\b(?:which|that|whom)\b|котор\p{L}+|其/u;

/** The nearest party left of the cue, with the parties coordinated with it. */
function subjectsBefore(text: string, mentions: FoundMention[], cueStart: number) {
  const last = mentions.findLastIndex((mention) => mention.end <= cueStart && isParty(mention));
  if (last < 0) return undefined;
  const group = coordinated(text, mentions, last, -1);
  return { subjects: group.filter(isParty), first: last - group.length + 1 };
}

interface CueAt {
  start: number;
  end: number;
  role: string;
}

const GOODS: MentionKind[] = ["entity", "organization", "product"];
const MOVES: MentionKind[] = [...GOODS, "place"];
/** What a cue's object may be: money goes to parties, goods also to places, visits to places. */
const OBJECT_KINDS: Record<string, MentionKind[]> = {
  "approved for testing": GOODS,
  supplied: MOVES,
  delivered: MOVES,
  acquired: GOODS,
  paid: ["entity", "organization"],
  owns: GOODS,
  visited: MOVES,
  shipped: MOVES,
  sold: GOODS,
  exported: MOVES,
  produced: ["product"],
  financed: GOODS,
};

/** Subjects left of the cue, objects right of it; with nothing right of it, the antecedent of a relative clause. */
function pairAround(text: string, mentions: FoundMention[], cue: CueAt) {
  const left = subjectsBefore(text, mentions, cue.start);
  if (!left?.subjects.length) return undefined;
  const fits = (mention: FoundMention) => OBJECT_KINDS[cue.role]!.includes(mention.kind);
  const firstRight = mentions.findIndex((mention) => mention.start >= cue.end && fits(mention));
  if (firstRight >= 0) {
    return {
      subjects: left.subjects,
      objects: coordinated(text, mentions, firstRight, 1).filter(fits),
    };
  }
  const antecedent = left.first - 1;
  const between =
    antecedent >= 0 ? text.slice(mentions[antecedent]!.end, mentions[left.first]!.start) : "";
  if (!RELATIVE.test(between)) return undefined;
  return {
    subjects: left.subjects,
    objects: coordinated(text, mentions, antecedent, -1).filter(fits),
  };
}

/**
 * Relation cues between mentions of one sentence: "Kupol acquired drones from Sichuan AEE"
 * gives Kupol → Sichuan AEE, role `acquired`. Each pair is kept once per role and sentence.
 * @example findRelationCues(text, mentions).map((c) => [c.subject.name, c.role, c.object.name])
 */
export function findRelationCues(text: string, mentions: FoundMention[]): RelationCue[] {
  const cues: RelationCue[] = [];
  const seen = new Set<string>();
  for (const sentence of splitSentences(text, mentions)) {
    const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (inside.length < 2) continue;
    const body = text.slice(sentence.start, sentence.end);
    for (const match of body.matchAll(CUE_PATTERN)) {
      const cueStart = sentence.start + match.index;
      const cueEnd = cueStart + match[0].length;
      const role = roleOf(match);
      const found = pairAround(text, inside, { start: cueStart, end: cueEnd, role });
      // "owned by X": the passive turns the pair around.
      const passive = /^\s+(?:by|со стороны)\s/u.test(text.slice(cueEnd, cueEnd + 16));
      const pair = found && passive ? { subjects: found.objects, objects: found.subjects } : found;
      for (const subject of pair?.subjects ?? []) {
        for (const object of pair?.objects ?? []) {
          const key = `${subject.start}|${object.start}|${role}|${sentence.start}`;
          if (subject === object || seen.has(key)) continue;
          seen.add(key);
          cues.push({ subject, object, role, cue: match[0], sentence });
        }
      }
    }
  }
  return cues;
}
