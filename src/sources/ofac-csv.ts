import { EntityBuilder, SanctraceError, type Statement } from "../model/index.js";
import { StatementBatcher } from "./batcher.js";
import { countryCode } from "./countries.js";
import { readCsvRows } from "./csv-rows.js";
import { readOfacEntry } from "./ofac-entry.js";
import {
  builderContext,
  claimOfac,
  nameKey,
  OFAC_COLUMNS,
  type OfacList,
  type OfacRole,
  ofacValue,
  sortOfacFiles,
} from "./ofac-files.js";
import { readOfacLinks } from "./ofac-links.js";
import type { ReadContext, SourceFormat, SourceInput } from "./types.js";

async function readComments(list: OfacList) {
  const comments = new Map<string, { text: string; row: number }>();
  const file = list.files.get("comments");
  if (!file) return comments;
  for await (const { row, values } of readCsvRows(file, { columns: OFAC_COLUMNS.comments })) {
    comments.set(values[0]!, { text: values[1] ?? "", row });
  }
  return comments;
}

async function* readPrimary(list: OfacList, batcher: StatementBatcher) {
  const file = list.files.get("primary")!;
  const comments = await readComments(list);
  const commentsFile = list.files.get("comments");
  for await (const { row, values } of readCsvRows(file, { columns: OFAC_COLUMNS.primary })) {
    const entNum = values[0]!.trim();
    if (list.schemata.has(entNum)) {
      throw new SanctraceError(
        "ofac_duplicate_entity",
        `entry ${entNum} appears twice`,
        `${file.name} row:${row}`,
      );
    }
    const comment = comments.get(entNum);
    const entry = readOfacEntry(values, {
      id: `${list.prefix}-${entNum}`,
      context: builderContext(list, file),
      row,
      ...(comment && commentsFile
        ? { continued: { ...comment, context: builderContext(list, commentsFile) } }
        : {}),
    });
    comments.delete(entNum);
    list.schemata.set(entNum, entry.schema);
    list.names.set(nameKey(entry.name), entry.id);
    for (const target of entry.links) list.links.push({ id: entry.id, target, row });
    if (entry.owner) list.links.push({ id: entry.id, target: entry.owner, row, owner: true });
    yield* batcher.add(entry.statements);
  }
  const orphan = comments.values().next().value;
  if (orphan && commentsFile) throw unknownEntity(commentsFile, orphan.row, file);
}

function unknownEntity(file: SourceInput, row: number, primary: SourceInput) {
  return new SanctraceError(
    "ofac_unknown_entity",
    `this row's ent_num is not in ${primary.name}; the files come from different OFAC publications`,
    `${file.name} row:${row}`,
  );
}

/**
 * Rows of add/alt files whose entry is missing are skipped (OFAC's own extracts have a few),
 * but a file where most are missing belongs to another publication and is refused.
 */
class OrphanCheck {
  private rows = 0;
  private orphans = 0;
  private first = 0;

  constructor(
    private readonly list: OfacList,
    private readonly role: OfacRole,
  ) {}

  entity(row: number, entNum: string): EntityBuilder | undefined {
    this.rows++;
    const schema = this.list.schemata.get(entNum);
    const file = this.list.files.get(this.role)!;
    if (schema)
      return new EntityBuilder(
        schema,
        `${this.list.prefix}-${entNum}`,
        builderContext(this.list, file),
      );
    this.orphans++;
    this.first ||= row;
    return undefined;
  }

  finish(): void {
    if (this.orphans * 2 <= this.rows) return;
    throw unknownEntity(
      this.list.files.get(this.role)!,
      this.first,
      this.list.files.get("primary")!,
    );
  }
}

async function* readAddresses(list: OfacList, batcher: StatementBatcher) {
  const file = list.files.get("address");
  if (!file) return;
  const check = new OrphanCheck(list, "address");
  for await (const { row, values } of readCsvRows(file, { columns: OFAC_COLUMNS.address })) {
    const [, , street, city, country] = values.map(ofacValue);
    const entity = check.entity(row, values[0]!.trim());
    if (!entity) continue;
    const locator = `row:${row}`;
    entity.add("address", [street, city, country].filter(Boolean).join(", "), locator);
    if (country) entity.add("country", countryCode(country), locator);
    yield* batcher.add(entity.statements);
  }
  check.finish();
}

const ALIAS_PROPS: Record<string, string> = { aka: "alias", nka: "alias", fka: "previousName" };

async function* readAliases(list: OfacList, batcher: StatementBatcher) {
  const file = list.files.get("alias");
  if (!file) return;
  const check = new OrphanCheck(list, "alias");
  for await (const { row, values } of readCsvRows(file, { columns: OFAC_COLUMNS.alias })) {
    const [, , type, name] = values.map(ofacValue);
    const entity = check.entity(row, values[0]!.trim());
    if (!entity) continue;
    entity.add(ALIAS_PROPS[type ?? ""] ?? "alias", name, `row:${row}`);
    if (name && !list.names.has(nameKey(name))) list.names.set(nameKey(name), entity.id);
    yield* batcher.add(entity.statements);
  }
  check.finish();
}

async function* readOfac(
  prefix: string,
  files: SourceInput[],
  context: ReadContext,
): AsyncIterable<Statement[]> {
  const list: OfacList = {
    prefix,
    files: sortOfacFiles(files),
    context,
    schemata: new Map(),
    names: new Map(),
    links: [],
  };
  const batcher = new StatementBatcher();
  yield* readPrimary(list, batcher);
  yield* readAddresses(list, batcher);
  yield* readAliases(list, batcher);
  yield* readOfacLinks(list, batcher);
  yield* batcher.flush();
}

/** OFAC Specially Designated Nationals, legacy CSV (`sdn.csv`, `add.csv`, `alt.csv`, …). */
export const ofacSdnFormat: SourceFormat = {
  id: "ofac-sdn-csv",
  dataset: "us_ofac_sdn",
  title: "US OFAC Specially Designated Nationals (SDN) List",
  kind: "list",
  claim: (probes) => claimOfac(probes, false),
  read: (files, context) => readOfac("ofac", files, context),
};

/** OFAC Consolidated (non-SDN) list, legacy CSV (`cons_prim.csv`, `cons_add.csv`, …). */
export const ofacConsFormat: SourceFormat = {
  id: "ofac-cons-csv",
  dataset: "us_ofac_cons",
  title: "US OFAC Consolidated (non-SDN) Sanctions List",
  kind: "list",
  claim: (probes) => claimOfac(probes, true),
  read: (files, context) => readOfac("ofac-cons", files, context),
};
