import { EntityBuilder, type Locator, type Statement } from "../model/index.js";
import type { ReadContext, SourceInput } from "./types.js";

/** What a list states about why and since when an entry is listed. */
export interface SanctionFacts {
  authority: string;
  program?: string | undefined;
  listingDate?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  authorityId?: string | undefined;
  unscId?: string | undefined;
  reason?: string | undefined;
  sourceUrl?: string | undefined;
  provisions?: string | undefined;
  country?: string | undefined;
}

/**
 * A builder for one list entry, with the dataset and file every statement shares.
 * @example startEntity("Person", "unsc-6907993", file, context).add("name", "ERIC BADEGE", "xpath:/…")
 */
export function startEntity(
  schema: string,
  id: string,
  file: SourceInput,
  context: ReadContext,
): EntityBuilder {
  return new EntityBuilder(schema, id, { dataset: context.dataset, source: file.sha256 });
}

/**
 * The `Sanction` that makes `subject` a list target: authority, program and dates, with
 * `entity` pointing at the subject.
 * @example sanctionOf(person, { authority: "UN Security Council", program: "DRC" }, file, ctx, "xpath:/…")
 */
export function sanctionOf(
  subject: EntityBuilder,
  facts: SanctionFacts,
  file: SourceInput,
  context: ReadContext,
  locator: Locator,
): Statement[] {
  const sanction = startEntity("Sanction", `${subject.id}-sanction`, file, context);
  sanction.add("entity", subject.id, locator);
  for (const [prop, value] of Object.entries(facts)) {
    if (typeof value === "string") sanction.add(prop, value, locator);
  }
  return sanction.statements;
}

const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * An FtM date (ISO prefix) from the forms lists write: `2012-12-31`, `1971`, `1964-03`,
 * `06/19/2003` (US order); undefined when not a date.
 * @example isoDate("06/19/2003") // "2003-06-19"
 */
export function isoDate(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const us = MONTH_FIRST.exec(value);
  if (us) return `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  return iso?.[1];
}

/**
 * Every date in a free-text field such as `1972-08-10 or 1972-08-11`.
 * @example isoDates("1972-08-10 or 1972-08-11") // ["1972-08-10", "1972-08-11"]
 */
export function isoDates(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\s+or\s+|;|,/)
    .map(isoDate)
    .filter((date): date is string => date !== undefined);
}

/**
 * Join address parts into one line, skipping empty ones.
 * @example joinAddress(["Kinshasa", undefined, "Democratic Republic of the Congo"]) // "Kinshasa, Democratic Republic of the Congo"
 */
export function joinAddress(parts: Array<string | undefined>): string | undefined {
  const line = parts
    .map((part) => part?.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(", ");
  return line || undefined;
}

const ORGANIZATION_WORDS =
  /\b(LTD|LIMITED|INC|CORP|CORPORATION|CO|COMPANY|LLC|LLP|GMBH|AG|SA|SARL|SRL|BV|NV|PLC|PTE|OOO|OAO|ZAO|PAO|AO|JSC|OJSC|CJSC|FZE|FZCO|LLC|GROUP|HOLDINGS?|TRADING|INDUSTR\w*|ENTERPRISES?|INTERNATIONAL|AIRLINES?|AIRWAYS|AVIATION|SHIPPING|LOGISTICS|TECHNOLOG\w*|ELECTRONICS?|SERVICES|SOLUTIONS|BANK|INSTITUTE|UNIVERSITY|FACTORY|PLANT|ACADEMY|CENTER|CENTRE|BUREAU|MINISTRY|ASSOCIATION|FOUNDATION|EXPORTS?|IMPORTS?|SUPPLY|MANUFACTURING|ENGINEERING|SYSTEMS|COMMERCIAL|FREIGHT|CARGO|MARINE|FZC|COMPUTERS?|INVESTMENTS?)\b\.?/i;

/**
 * Whether a name reads as an organization's (a legal form or a business word), for lists
 * that do not say whether an entry is a person.
 * @example looksLikeOrganization("AIR FREIGHT LTD") // true
 */
export function looksLikeOrganization(name: string): boolean {
  return ORGANIZATION_WORDS.test(name);
}

/**
 * Split a list of names such as `A, B; C` on separators, keeping legal forms attached.
 * @example splitNames("Htoo Wood, Htoo Trading Co., Ltd.") // ["Htoo Wood", "Htoo Trading Co., Ltd."]
 */
export function splitNames(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/;|,(?!\s*(?:LTD|LIMITED|INC|LLC|S\.?A\.?|GMBH|CO\b|CORP|PTE|PLC|JSC)\b)/i)
    .map((name) => name.replace(/\s+/g, " ").trim())
    .filter((name) => name.length > 1);
}
