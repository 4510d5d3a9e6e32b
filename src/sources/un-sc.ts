import type { EntityBuilder, Statement } from "../model/index.js";
import { countryCode } from "./country-names.js";
import { headText } from "./files.js";
import { addFacts, parseRemarks } from "./identifiers.js";
import { isoDate, joinAddress, sanctionOf, startEntity } from "./list-entry.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";
import { UnReferences } from "./un-links.js";
import {
  childrenNamed,
  childText,
  readXmlRecords,
  type XmlNode,
  xmlRootName,
} from "./xml-records.js";

const RECORDS = new Set(["INDIVIDUAL", "ENTITY"]);
const NAME_PARTS = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

function isUnList(probe: FileProbe): boolean {
  const head = headText(probe);
  return xmlRootName(head) === "CONSOLIDATED_LIST" && /<(INDIVIDUALS|ENTITIES)\b/.test(head);
}

/** Add the text of every `child/VALUE` (or the child itself) as `prop`. */
function addValues(entity: EntityBuilder, node: XmlNode, child: string, prop: string): void {
  for (const element of childrenNamed(node, child)) {
    const values = childrenNamed(element, "VALUE");
    for (const value of values.length ? values : [element]) {
      const text = value.text.trim();
      const converted = prop === "nationality" ? countryCode(text) : text;
      entity.add(prop, converted, `xpath:${value.xpath}`);
    }
  }
}

/** UN alias quality: `Low` is a weak alias, `f.k.a.` a former name, anything else an alias. */
function addAliases(entity: EntityBuilder, node: XmlNode, tag: string): void {
  for (const alias of childrenNamed(node, tag)) {
    const locator = `xpath:${alias.xpath}`;
    const quality = childText(alias, "QUALITY")?.toLowerCase();
    const prop = quality === "low" ? "weakAlias" : quality === "f.k.a." ? "previousName" : "alias";
    entity.add(prop, childText(alias, "ALIAS_NAME"), locator);
    if (entity.schema !== "Person") continue;
    entity.add("birthDate", isoDate(childText(alias, "DATE_OF_BIRTH")), locator);
    entity.add("birthPlace", childText(alias, "CITY_OF_BIRTH"), locator);
    entity.add("birthCountry", countryCode(childText(alias, "COUNTRY_OF_BIRTH")), locator);
  }
}

function addAddresses(entity: EntityBuilder, node: XmlNode, tag: string): void {
  for (const address of childrenNamed(node, tag)) {
    const locator = `xpath:${address.xpath}`;
    const country = childText(address, "COUNTRY");
    const parts = ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE"].map((part) =>
      childText(address, part),
    );
    if (parts.some(Boolean)) entity.add("address", joinAddress([...parts, country]), locator);
    entity.add("country", countryCode(country), locator);
  }
}

function addBirthDates(person: EntityBuilder, node: XmlNode): void {
  for (const birth of childrenNamed(node, "INDIVIDUAL_DATE_OF_BIRTH")) {
    const locator = `xpath:${birth.xpath}`;
    person.add("birthDate", isoDate(childText(birth, "DATE") ?? childText(birth, "YEAR")), locator);
    const from = Number(childText(birth, "FROM_YEAR"));
    const to = Number(childText(birth, "TO_YEAR"));
    // A BETWEEN range lists every year in it, as screening compares years.
    for (let year = from; from && to && year <= to && year - from < 30; year++) {
      person.add("birthDate", String(year), locator);
    }
  }
  for (const place of childrenNamed(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    const locator = `xpath:${place.xpath}`;
    const country = childText(place, "COUNTRY");
    const parts = ["CITY", "STATE_PROVINCE"].map((part) => childText(place, part));
    person.add("birthPlace", joinAddress([...parts, country]), locator);
    person.add("birthCountry", countryCode(country), locator);
  }
}

/** Passports become `passportNumber`, every other document `idNumber`. */
function addDocuments(person: EntityBuilder, node: XmlNode): void {
  for (const document of childrenNamed(node, "INDIVIDUAL_DOCUMENT")) {
    const number = childText(document, "NUMBER");
    const type = childText(document, "TYPE_OF_DOCUMENT") ?? "";
    const prop = /pass/i.test(type) ? "passportNumber" : "idNumber";
    person.add(prop, number, `xpath:${document.xpath}`);
  }
}

function addPersonFacts(person: EntityBuilder, node: XmlNode): void {
  const gender = childText(node, "GENDER")?.toLowerCase();
  if (gender === "male" || gender === "female") {
    person.add("gender", gender, `xpath:${node.xpath}/GENDER`);
  }
  addValues(person, node, "TITLE", "title");
  addValues(person, node, "DESIGNATION", "position");
  addValues(person, node, "NATIONALITY", "nationality");
  addBirthDates(person, node);
  addDocuments(person, node);
}

/**
 * One INDIVIDUAL (Person) or ENTITY (Organization) with its Sanction; cited reference numbers
 * are noted in `references` for the links made at the end of the file.
 * @example readUnRecord(individual, file, { dataset: "un_sc_sanctions" }) // [{ entityId: "unsc-6907993", … }, …]
 */
export function readUnRecord(
  node: XmlNode,
  file: SourceInput,
  context: ReadContext,
  references = new UnReferences(),
): Statement[] {
  const individual = node.name === "INDIVIDUAL";
  const dataId = childText(node, "DATAID") ?? "";
  const entity = startEntity(
    individual ? "Person" : "Organization",
    `unsc-${dataId}`,
    file,
    context,
  );
  const at = (tag: string) => `xpath:${node.xpath}/${tag}`;
  const parts = NAME_PARTS.map((part) => childText(node, part));
  // Some entities carry two names in one field: "CAGL ; GREAT LAKES BUSINESS COMPANY (GLBC)".
  const [name, ...others] = parts.filter(Boolean).join(" ").split(" ; ");
  entity.add("name", name, at("FIRST_NAME"));
  for (const other of others) entity.add("alias", other, at("FIRST_NAME"));
  if (individual) {
    ["firstName", "secondName", "middleName"].forEach((prop, index) => {
      entity.add(prop, parts[index], at(NAME_PARTS[index]!));
    });
  }
  entity.add("alias", childText(node, "NAME_ORIGINAL_SCRIPT"), at("NAME_ORIGINAL_SCRIPT"));
  const comments = childText(node, "COMMENTS1");
  entity.add("notes", comments, at("COMMENTS1"));
  // Identifiers in the remarks (IMO numbers, registration numbers); links stay in the notes.
  if (comments) addFacts(entity, parseRemarks(comments), at("COMMENTS1"));
  entity.add("topics", "sanction", at("UN_LIST_TYPE"));
  addAliases(entity, node, individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS");
  addAddresses(entity, node, individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS");
  if (individual) addPersonFacts(entity, node);
  const reference = childText(node, "REFERENCE_NUMBER");
  references.note(reference, entity.id, comments, at("COMMENTS1"), file);
  const sanction = sanctionOf(
    entity,
    {
      authority: "United Nations Security Council",
      program: childText(node, "UN_LIST_TYPE"),
      listingDate: isoDate(childText(node, "LISTED_ON")),
      authorityId: reference,
      unscId: reference,
    },
    file,
    context,
    `xpath:${node.xpath}`,
  );
  return [...entity.statements, ...sanction];
}

async function* readUn(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  const references = new UnReferences();
  for (const file of files) {
    for await (const records of readXmlRecords(file, RECORDS, { onBytes: context.onBytes })) {
      yield records.flatMap((record) => readUnRecord(record, file, context, references));
    }
  }
  const links = references.links(context);
  if (links.length) yield links;
}

/** The UN Security Council consolidated list (scsanctions.un.org XML). */
export const unScFormat: SourceFormat = {
  id: "un-sc",
  dataset: "un_sc_sanctions",
  title: "UN Security Council Consolidated List",
  kind: "list",
  claim: (probes) => probes.filter(isUnList),
  read: readUn,
};
