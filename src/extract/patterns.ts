import type { FoundMention } from "./mention.js";

/** A capitalized word: Latin or Cyrillic, digits and a few joiners allowed inside. */
const WORD = String.raw`[A-ZА-ЯЁ][\p{L}\p{N}&-]*`;
const NAME = String.raw`${WORD}(?:[ \t]+(?:${WORD}|of|and|&))*?`;
const SHORT_NAME = String.raw`${WORD}(?:[ \t]+${WORD}){0,3}`;
/** Chinese has no spaces, so only a Latin or Cyrillic letter or a digit glues onto a name. */
const CLOSE = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])`;
const OPEN = String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}-])`;

const EN_SUFFIX_FORMS = String.raw`Co\.,?\s*Ltd\.?|Co\.,?\s*Limited|Company Limited|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|GmbH|JSC|PJSC|LLP|PLC|S\.A\.|AG`;
const PREFIX_FORMS = `JSC|PJSC|OJSC|CJSC|LLC|OOO|AO|ZAO|OAO|PAO|ООО|АО|ЗАО|ОАО|ПАО|НАО|АНО|ФГУП|ГУП|НПО|НПП|АО НПО|Общество с ограниченной ответственностью|(?:Закрытое |Открытое |Публичное |Непубличное )?[Аа]кционерное общество`;
const ORG_NOUNS_EN =
  "firm|company|manufacturer|maker|supplier|producer|plant|factory|distributor|contractor|intermediary|subsidiary|enterprise|vendor|exporter|importer|developer|holding|conglomerate";
/** Either case of a word's first letter: "завод" and "Завод". */
function eitherCase(words: string): string {
  return words
    .split("|")
    .map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`)
    .join("|");
}
const ORG_NOUNS_RU_LOWER =
  "компания|компании|фирма|фирмы|завод|завода|заводом|предприятие|предприятия|концерн|концерна|поставщик|поставщика|производитель|производителя";
const ORG_NOUNS_RU = eitherCase(ORG_NOUNS_RU_LOWER);
const CODE = String.raw`${OPEN}(?:[A-ZА-ЯЁ]{1,4}-?\d{1,4}[A-ZА-ЯЁ]{0,3}|[A-ZА-ЯЁ][a-zа-яё]{2,}-\d{1,4}[A-Za-zА-Яа-я]?)${CLOSE}`;
const PRODUCT_NOUNS = String.raw`drones?|UAVs?|munitions?|missiles?|engines?|helicopters?|aircraft|quadcopters?|rockets?|беспилотник\p{L}*|БПЛА|дрон\p{L}*|ракет\p{L}*`;
const PRODUCT_MODIFIERS = String.raw`loitering|strike|reconnaissance|attack|kamikaze|combat|unmanned|military|ударн\p{L}*|разведывательн\p{L}*`;

interface Rule {
  pattern: RegExp;
  /** A cheap test that must pass before the rule runs at all. */
  trigger?: RegExp;
  kind: FoundMention["kind"];
  schema: string;
  via: string;
}

function rule(
  source: string,
  kind: FoundMention["kind"],
  schema: string,
  via: string,
  trigger?: RegExp,
): Rule {
  return { pattern: new RegExp(source, "gu"), kind, schema, via, ...(trigger && { trigger }) };
}

/** Each rule's first named group `name` is the mention; without one, the whole match. */
const RULES: Rule[] = [
  rule(
    String.raw`(?<name>${NAME},?[ \t]+(?:${EN_SUFFIX_FORMS}))(?![\p{L}\p{N}])`,
    "organization",
    "Company",
    "legal-form",
  ),
  rule(
    String.raw`(?<name>(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])(?:${PREFIX_FORMS})[ \t]*(?:[«"„“][^»"“”\n]{1,80}[»"”“]|${SHORT_NAME}))`,
    "organization",
    "Company",
    "legal-form",
  ),
  rule(
    String.raw`(?<name>[^\s，。、；：！？“”「」（）()的从向和与是在了由将对给把被及或等为自到据称日月年]{2,24}?(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团|研究所|研究院))`,
    "organization",
    "Company",
    "legal-form",
    /公司|集团|研究[所院]/,
  ),
  rule(
    String.raw`(?:${ORG_NOUNS_EN})s?,?[ \t]+(?:called[ \t]+|named[ \t]+)?(?<name>${SHORT_NAME})`,
    "organization",
    "Organization",
    "context",
  ),
  rule(
    String.raw`(?<name>${SHORT_NAME}),[ \t]+(?:a|an|the)[ \t]+(?:[\p{L}-]+[ \t]+){0,4}?(?:${ORG_NOUNS_EN})\b`,
    "organization",
    "Organization",
    "context",
    /,[ \t]+(?:a|an|the)[ \t]/,
  ),
  rule(
    String.raw`(?:${ORG_NOUNS_RU})[ \t]+(?<name>[«"„“][^»"“”\n]{1,80}[»"”“]|${SHORT_NAME})`,
    "organization",
    "Organization",
    "context",
  ),
  rule(
    String.raw`(?<name>${SHORT_NAME})['’]s[ \t]+(?=${CODE})`,
    "organization",
    "Organization",
    "context",
    /['’]s[ \t]/,
  ),
  rule(CODE, "product", "Asset", "code"),
  rule(
    String.raw`(?<name>${WORD})[ \t]+(?:(?:${PRODUCT_MODIFIERS})[ \t]+){0,2}(?:${PRODUCT_NOUNS})${CLOSE}`,
    "product",
    "Asset",
    "context",
  ),
  rule(
    String.raw`(?:${PRODUCT_NOUNS})[ \t]+(?<name>[«"„“][^»"“”\n]{1,40}[»"”“])`,
    "product",
    "Asset",
    "context",
    /[«"„“]/,
  ),
];

/** Words that start a sentence or qualify a name without being part of it. */
const LEADING_NOISE =
  /^(?:(?:The|A|An|In|On|At|From|By|For|With|Via|And|But|This|That|These|Those|Its|Their|Both|Earlier|Later|However|According)\s+)+/u;
const STOPWORD =
  /^(?:The|A|An|In|On|At|From|By|For|With|Via|And|But|This|That|These|Those|Its|It|Their|They|He|She|We)$/u;
/** Adjectives of nationality: "Chinese drones" names no model. */
const DEMONYM = /(?:ese|ian|ish|ean|Iraqi|Israeli|Pakistani)$/u;

function trimName(
  name: string,
  start: number,
  legalForm: boolean,
): { name: string; start: number } {
  const noise = LEADING_NOISE.exec(name)?.[0] ?? "";
  const stripped = name.slice(noise.length).replace(legalForm ? /[,;:]+$/u : /[,.;:]+$/u, "");
  return { name: stripped, start: start + noise.length };
}

function fromMatch(match: RegExpExecArray, ruleOf: Rule): FoundMention | undefined {
  const group = match.groups?.name;
  const offset = group === undefined ? match.index : match.index + match[0].indexOf(group);
  const { name, start } = trimName(group ?? match[0], offset, ruleOf.via === "legal-form");
  if (
    !name ||
    STOPWORD.test(name) ||
    (ruleOf.via === "context" && ruleOf.kind === "product" && DEMONYM.test(name))
  )
    return undefined;
  if (ruleOf.via === "context" && DEMONYM.test(name.split(/\s/)[0]!)) return undefined;
  return {
    start,
    end: start + name.length,
    name,
    kind: ruleOf.kind,
    schema: ruleOf.schema,
    via: ruleOf.via,
  };
}

/**
 * Names found by their shape rather than a list: organizations by legal form (English,
 * Russian, Chinese) or by an organization noun beside them, product and model codes, and
 * named models before "drones", "munitions" …
 * @example findPatternNames("Sichuan AEE Co., Ltd. shipped A140 drones")
 */
export function findPatternNames(text: string): FoundMention[] {
  const mentions: FoundMention[] = [];
  for (const current of RULES) {
    if (current.trigger && !current.trigger.test(text)) continue;
    current.pattern.lastIndex = 0;
    for (const match of text.matchAll(current.pattern)) {
      const mention = fromMatch(match, current);
      if (mention) mentions.push(mention);
    }
  }
  return mentions;
}
