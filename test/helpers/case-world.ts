import { EntityBuilder, type SourceFile, type Statement, sha256 } from "../../src/model/index.js";
import type { Store } from "../../src/store/index.js";

/** A name that must show as text everywhere, never run. */
export const HOSTILE_NAME = "<img src=x onerror=alert(1)>";

/** The news article of the world; spans in it count into this text. */
export const ARTICLE =
  "Investigators say that Transit Trade LLC, a Dubai company, shipped strike drones to " +
  "IEMZ Kupol in Izhevsk in 2023. The drones came from Shenzhen Sky Drone Co.";

function source(name: string, content: string): SourceFile {
  return { name, sha256: sha256(content), size: content.length };
}

export const listSource = source("test-list.ftm.json", "list");
export const invoiceSource = source("invoices.csv", "invoices");
export const articleSource = source("article.txt", ARTICLE);

function listStatements(): Statement[] {
  const context = { dataset: "testlist", source: listSource.sha256 };
  const kupol = new EntityBuilder("Company", "tl-kupol", context)
    .add("name", "IEMZ Kupol", "line:1")
    .add("alias", "ИЭМЗ Купол", "line:1")
    .add("innCode", "1831083343", "line:1")
    .add("country", "ru", "line:1")
    .add("incorporationDate", "2004-06-01", "line:1");
  const hostile = new EntityBuilder("Person", "tl-hostile", context)
    .add("name", HOSTILE_NAME, "line:2")
    .add("nationality", "ru", "line:2");
  const sanctions = ["tl-kupol", "tl-hostile"].map((id, i) =>
    new EntityBuilder("Sanction", `${id}-sanction`, context)
      .add("entity", id, `line:${i + 3}`)
      .add("authority", "Test Authority", `line:${i + 3}`)
      .add("program", "RUSSIA-EO14024", `line:${i + 3}`)
      .add("listingDate", "2023-11-02", `line:${i + 3}`),
  );
  return [kupol, hostile, ...sanctions].flatMap((builder) => builder.statements);
}

function invoiceStatements(): Statement[] {
  const context = { dataset: "invoices", source: invoiceSource.sha256 };
  const transit = new EntityBuilder("Company", "inv-transit", context)
    .add("name", "Transit Trade LLC", "row:2")
    .add("country", "ae", "row:2")
    .add("incorporationDate", "2022-12-20", "row:2");
  const maker = new EntityBuilder("Company", "inv-maker", context)
    .add("name", "Shenzhen Sky Drone Co", "row:2")
    .add("country", "cn", "row:2");
  const buyer = new EntityBuilder("Company", "inv-kupol", context)
    .add("name", "IEMZ Kupol", "row:3")
    .add("innCode", "1831083343", "row:3");
  const first = new EntityBuilder("EconomicActivity", "inv-ship-1", context)
    .add("sender", "inv-maker", "row:2")
    .add("receiver", "inv-transit", "row:2")
    .add("date", "2023-02-10", "row:2")
    .add("vedCode", "880699", "row:2")
    .add("goodsDescription", "strike drones, 40 units", "row:2");
  const second = new EntityBuilder("EconomicActivity", "inv-ship-2", context)
    .add("sender", "inv-transit", "row:3")
    .add("receiver", "inv-kupol", "row:3")
    .add("date", "2023-03-01", "row:3")
    .add("vedCode", "8542.31", "row:3")
    .add("goodsDescription", "microcontrollers, 500 units", "row:3");
  const hostileLink = new EntityBuilder("UnknownLink", "inv-link", context)
    .add("subject", "inv-transit", "row:4")
    .add("object", "tl-hostile", "row:4")
    .add("role", "director", "row:4");
  return [transit, maker, buyer, first, second, hostileLink].flatMap((b) => b.statements);
}

function articleStatements(): Statement[] {
  const context = { dataset: "news", source: articleSource.sha256 };
  const document = new EntityBuilder("Document", "news-article", context)
    .add("title", "Drones for Izhevsk", "")
    .add("bodyText", ARTICLE, "")
    .add("contentHash", articleSource.sha256, "");
  const start = ARTICLE.indexOf("IEMZ Kupol");
  const mention = new EntityBuilder("Company", "news-kupol", context).add(
    "name",
    "IEMZ Kupol",
    `span:${start}-${start + "IEMZ Kupol".length}`,
  );
  return [...document.statements, ...mention.statements];
}

async function* once(statements: Statement[]): AsyncIterable<Statement[]> {
  yield statements;
}

/**
 * Load a small world into a store: a list with a sanctioned plant and a sanctioned person
 * whose name is an HTML payload, invoices (row locators) with two shipments of drones through
 * an intermediary, and a news article (span locators).
 */
export async function loadCaseWorld(store: Store): Promise<void> {
  await store.replaceDataset(
    { name: "testlist", title: "Test list", kind: "list", sources: [listSource] },
    once(listStatements()),
  );
  await store.replaceDataset(
    { name: "invoices", title: "Invoices", kind: "evidence", sources: [invoiceSource] },
    once(invoiceStatements()),
  );
  await store.replaceDataset(
    { name: "news", title: "News", kind: "evidence", sources: [articleSource] },
    once(articleStatements()),
  );
}

/**
 * A generated network of `size` companies tied by ownerships and shipments (a seeded random
 * graph with hubs), to check the graph explorer with thousands of nodes.
 */
export async function loadLargeWorld(store: Store, size: number): Promise<void> {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const source = { name: "registry.csv", sha256: sha256(`registry-${size}`), size };
  const context = { dataset: "registry", source: source.sha256 };
  const statements: Statement[] = [];
  for (let i = 0; i < size; i++) {
    const company = new EntityBuilder("Company", `co-${i}`, context).add(
      "name",
      `Company ${i}`,
      `row:${i + 2}`,
    );
    statements.push(...company.statements);
    if (i === 0) continue;
    // Early companies collect more links: a few hubs, as in real registries.
    const other = Math.floor(random() ** 2 * i);
    const schema = random() < 0.5 ? "Ownership" : "EconomicActivity";
    const [from, to] = schema === "Ownership" ? ["owner", "asset"] : ["sender", "receiver"];
    const edge = new EntityBuilder(schema, `edge-${i}`, context)
      .add(from!, `co-${other}`, `row:${i + 2}`)
      .add(to!, `co-${i}`, `row:${i + 2}`)
      .add("date", `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`, `row:${i + 2}`);
    statements.push(...edge.statements);
  }
  await store.replaceDataset(
    { name: "registry", title: "Registry", kind: "evidence", sources: [source] },
    once(statements),
  );
}
