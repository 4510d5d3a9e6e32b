import { makeId, type Statement } from "../model/index.js";
import { StatementBatcher } from "./batcher.js";
import { countryCode } from "./country-names.js";
import { type CsvRecord, readCsvTable } from "./csv-table.js";
import { headText } from "./files.js";
import {
  isoDate,
  joinAddress,
  looksLikeOrganization,
  sanctionOf,
  startEntity,
} from "./list-entry.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";

function isDenied(probe: FileProbe): boolean {
  const first = headText(probe).split(/\r?\n/, 1)[0] ?? "";
  return /^"?Name"?\t"?Street_Address"?\t/.test(first) && first.includes("FR_Citation");
}

/**
 * The DPL has no ids and one row per address; a denial is one name under one order, so
 * the name (spacing normalized) and effective date identify it, hashed because names that
 * differ only in punctuation (`AL-NASER AIRLINES`, `AL NASER AIRLINES`) are separate entries.
 * @example dplId(" I. ASH", "06/19/2003") // "us-bis-dpl-" + 40 hex chars
 */
export function dplId(name: string, effectiveDate: string): string {
  return makeId("us-bis-dpl", name.replace(/\s+/g, " ").trim(), isoDate(effectiveDate));
}

/**
 * One DPL row: the denied party (Company by its name, else Person) and its Sanction.
 * @example readDplRow({ values: { Name: "I. ASH", … }, row: 2 }, file, { dataset: "us_bis_dpl" })
 */
export function readDplRow({ values, row }: CsvRecord, file: SourceInput, context: ReadContext) {
  const locator = `row:${row}`;
  const name = values.Name?.trim() ?? "";
  const schema = looksLikeOrganization(name) ? "Company" : "Person";
  const party = startEntity(schema, dplId(name, values.Effective_Date ?? ""), file, context);
  party.add("name", name, locator);
  // Rows with a US state leave the country empty.
  const country = values.Country || (values.State ? "US" : undefined);
  const address = [values.Street_Address, values.City, values.State, values.Postal_Code];
  party.add("address", joinAddress([...address, country]), locator);
  party.add("country", countryCode(country), locator);
  party.add("topics", "export.control", locator);
  const sanction = sanctionOf(
    party,
    {
      authority: "Bureau of Industry and Security",
      program: "Denied Persons List",
      startDate: isoDate(values.Effective_Date),
      endDate: isoDate(values.Expiration_Date),
      listingDate: isoDate(values.Effective_Date),
      provisions: values.Standard_Order === "Y" ? "Standard denial order" : undefined,
      reason: values.FR_Citation ? `Federal Register: ${values.FR_Citation}` : undefined,
    },
    file,
    context,
    locator,
  );
  return [...party.statements, ...sanction];
}

async function* readDpl(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  const batcher = new StatementBatcher();
  for (const file of files) {
    for await (const row of readCsvTable(file, { delimiter: "\t", onBytes: context.onBytes })) {
      yield* batcher.add(readDplRow(row, file, context));
    }
  }
  yield* batcher.flush();
}

/** The BIS Denied Persons List (tab-separated `dpl.txt`). */
export const usBisDplFormat: SourceFormat = {
  id: "us-bis-dpl",
  dataset: "us_bis_dpl",
  title: "US BIS Denied Persons List",
  kind: "list",
  claim: (probes) => probes.filter(isDenied),
  read: readDpl,
};
