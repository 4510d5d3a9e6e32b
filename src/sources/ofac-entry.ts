import { type BuilderContext, EntityBuilder, type Statement } from "../model/index.js";
import { countryCode } from "./countries.js";
import { addFacts, parseRemarks, type RemarkFact } from "./identifiers.js";
import { ofacValue } from "./ofac-files.js";
import { guessEntitySchema } from "./schema-guess.js";

const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: "Person",
  vessel: "Vessel",
  aircraft: "Airplane",
};

/**
 * The FtM schema of an OFAC entry from its type column, name and remarks.
 * @example ofacSchema("vessel", "NS LEADER", []) // "Vessel"
 */
export function ofacSchema(type: string | undefined, name: string, facts: RemarkFact[]): string {
  const schema = type ? SCHEMA_BY_TYPE[type] : undefined;
  if (schema) return schema;
  return guessEntitySchema([name], facts);
}

export interface OfacEntryOptions {
  id: string;
  /** `ofac` or `ofac-cons`: Sanction and link ids derive from it. */
  context: BuilderContext;
  row: number;
  /** Remarks continued in the comments file, with that file's builder context and row. */
  continued?: { text: string; context: BuilderContext; row: number };
}

export interface OfacEntry {
  id: string;
  schema: string;
  name: string;
  statements: Statement[];
  links: string[];
  owner: string | undefined;
}

/**
 * Statements of one OFAC primary row: the entity, its `Sanction`, and the names it is
 * "Linked To" (resolved by the caller once every entry is known).
 * @example readOfacEntry(["46431", "JOINT STOCK COMPANY …", "-0- ", …], options)
 */
export function readOfacEntry(values: string[], options: OfacEntryOptions): OfacEntry {
  const [
    ,
    rawName,
    type,
    programs,
    title,
    callSign,
    vesselType,
    tonnage,
    grt,
    flag,
    owner,
    rawRemarks,
  ] = values.map(ofacValue);
  const name = rawName ?? options.id;
  const remarks = rawRemarks ?? "";
  const facts = parseRemarks(options.continued ? remarks + options.continued.text : remarks);
  const schema = ofacSchema(type, name, facts);
  const locator = `row:${options.row}`;
  const entity = new EntityBuilder(schema, options.id, options.context);
  entity.add("name", name, locator).add("topics", "sanction", locator);
  if (schema === "Person") addPersonNames(entity, name, locator);
  if (schema === "Person") entity.add("position", title, locator);
  if (schema === "Vessel") {
    entity.add("callSign", callSign, locator).add("type", vesselType, locator);
    entity.add("tonnage", tonnage, locator).add("grossRegisteredTonnage", grt, locator);
    entity.add("flag", flag && (countryCode(flag) ?? undefined), locator);
  }
  entity.add("notes", remarks, locator);
  const links = placeFacts(entity, facts, remarks, options);
  const sanction = readSanction(options, programs);
  return {
    id: options.id,
    schema,
    name,
    statements: [...entity.statements, ...sanction],
    links,
    owner,
  };
}

function addPersonNames(entity: EntityBuilder, name: string, locator: string): void {
  const comma = name.indexOf(", ");
  if (comma < 0) return;
  entity.add("lastName", name.slice(0, comma), locator);
  entity.add("firstName", name.slice(comma + 2), locator);
}

/**
 * Add the facts of the remarks; those only in the continuation go to the comments file's
 * row. Listing dates go to the Sanction. Returns the names the entry is linked to.
 */
function placeFacts(
  entity: EntityBuilder,
  facts: RemarkFact[],
  remarks: string,
  options: OfacEntryOptions,
): string[] {
  const { continued } = options;
  const inRow = continued ? new Set(parseRemarks(remarks).map(factKey)) : undefined;
  const rowFacts = inRow ? facts.filter((fact) => inRow.has(factKey(fact))) : facts;
  const links = placeGroup(entity, rowFacts, options.context, options.row);
  if (continued && inRow) {
    const more = new EntityBuilder(entity.schema, entity.id, continued.context);
    more.add("notes", continued.text, `row:${continued.row}`);
    const moreFacts = facts.filter((fact) => !inRow.has(factKey(fact)));
    links.push(...placeGroup(more, moreFacts, continued.context, continued.row));
    entity.statements.push(...more.statements);
  }
  return links;
}

/** Facts read from one file's row: on the entity, its Sanction, or links to resolve. */
function placeGroup(
  entity: EntityBuilder,
  facts: RemarkFact[],
  context: BuilderContext,
  row: number,
) {
  const locator = `row:${row}`;
  const rest = addFacts(entity, facts, locator);
  const sanction = new EntityBuilder("Sanction", `${entity.id}-sanction`, context);
  for (const fact of rest)
    if (fact.prop === "listingDate") sanction.add("listingDate", fact.value, locator);
  entity.statements.push(...sanction.statements);
  return rest.filter((fact) => fact.prop === "linkedTo").map((fact) => fact.value);
}

const factKey = (fact: RemarkFact) => `${fact.prop}\u0000${fact.value}`;

function readSanction(options: OfacEntryOptions, programs: string | undefined): Statement[] {
  const locator = `row:${options.row}`;
  const sanction = new EntityBuilder("Sanction", `${options.id}-sanction`, options.context);
  sanction.add("entity", options.id, locator);
  sanction.add("authority", "Office of Foreign Assets Control", locator);
  sanction.add("country", "us", locator);
  for (const program of programs?.split(/\]\s*\[/) ?? []) sanction.add("program", program, locator);
  return sanction.statements;
}
