import { makeId, type Statement } from "../model/index.js";
import { countryCode } from "./country-names.js";
import { headText } from "./files.js";
import { sanctionOf, startEntity } from "./list-entry.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";
import { childrenNamed, readXmlRecords, type XmlNode, xmlRootName } from "./xml-records.js";

const RECORDS = new Set(["ROW", "EFFDATE", "DEPDOC"]);

function isEntityListRule(probe: FileProbe): boolean {
  const head = headText(probe);
  return xmlRootName(head) === "RULE" && /<SUBJECT>[^<]*Entity List/.test(head);
}

/** All text below a node in document order, spacing collapsed. */
function fullText(node: XmlNode): string {
  return node.allText.replace(/\s+/g, " ").trim();
}

/** `—AOOK; and` -> `AOOK`: FR alias bullets carry a dash and list punctuation. */
function cleanAlias(text: string): string {
  return text
    .replace(/^—\s*/, "")
    .replace(/;?\s*and$/, "")
    .replace(/[;.]$/, "")
    .trim();
}

/** "This rule is effective February 24, 2023." -> 2023-02-24 */
function effectiveDate(text: string): string | undefined {
  const found = /effective ([A-Z][a-z]+ \d{1,2}, \d{4})/.exec(text)?.[1];
  const date = found ? new Date(`${found} UTC`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}

interface RuleState {
  country?: string;
  startDate?: string | undefined;
  docket?: string;
  last?: ReturnType<typeof startEntity>;
}

/** An entry row: the name before ", a.k.a.", `—` bullets as aliases, other bullets as addresses. */
function readEntry(
  row: XmlNode,
  cells: XmlNode[],
  state: RuleState,
  file: SourceInput,
  context: ReadContext,
) {
  const at = `xpath:${cells[1]!.xpath}`;
  const name = cells[1]!.text
    .replace(/\s+/g, " ")
    .split(/,? a\.k\.a\./)[0]!
    .trim()
    .replace(/[,.]$/, "");
  const entity = startEntity("LegalEntity", makeId("us-bis-el", name), file, context);
  entity.add("name", name, at);
  for (const bullet of childrenNamed(cells[1]!, "LI")) {
    const text = fullText(bullet);
    entity.add(
      text.startsWith("—") ? "alias" : "address",
      cleanAlias(text),
      `xpath:${bullet.xpath}`,
    );
  }
  entity.add("country", countryCode(state.country?.split(",")[0]), at);
  entity.add("topics", "export.control", at);
  state.last = entity;
  const sanction = sanctionOf(
    entity,
    {
      authority: "Bureau of Industry and Security",
      program: "Entity List",
      provisions: cells[2] ? fullText(cells[2]) : undefined,
      reason: cells[3] ? fullText(cells[3]) : undefined,
      startDate: state.startDate,
      listingDate: state.startDate,
      authorityId: state.docket,
    },
    file,
    context,
    `xpath:${row.xpath}`,
  );
  return [...entity.statements, ...sanction];
}

/** Rows are a country header, an entry, an address continuing the entry, or `* * *` filler. */
function readRow(row: XmlNode, state: RuleState, file: SourceInput, context: ReadContext) {
  const cells = childrenNamed(row, "ENT");
  const texts = cells.map(fullText);
  if (texts[0] && !texts[0].includes("*") && texts[0] !== "Country") state.country = texts[0];
  const entry = texts[1] ?? "";
  if (!entry || entry.includes("*") || entry === "Entity") return [];
  if (cells.length >= 3) return readEntry(row, cells, state, file, context);
  // A two-cell row continues the previous entry with another address.
  const last = state.last;
  if (!last) return [];
  const before = last.statements.length;
  last.add("address", entry.replace(/\.$/, ""), `xpath:${cells[1]!.xpath}`);
  return last.statements.slice(before);
}

async function* readRule(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  for (const file of files) {
    const state: RuleState = {};
    for await (const records of readXmlRecords(file, RECORDS, {
      onBytes: context.onBytes,
      mixedText: true,
    })) {
      const batch: Statement[] = [];
      for (const record of records) {
        if (record.name === "EFFDATE") state.startDate = effectiveDate(fullText(record));
        else if (record.name === "DEPDOC") state.docket = fullText(record).replace(/[[\]]/g, "");
        else batch.push(...readRow(record, state, file, context));
      }
      yield batch;
    }
  }
}

/**
 * Entity List additions published as a Federal Register final rule (FR bulk XML): the
 * rule's table of added entities, their aliases, addresses, license requirement and policy.
 */
export const usFrEntityListFormat: SourceFormat = {
  id: "us-fr-entity-list",
  dataset: "us_bis_entity_list",
  title: "US BIS Entity List additions (Federal Register rules)",
  kind: "list",
  claim: (probes) => probes.filter(isEntityListRule),
  read: readRule,
};
