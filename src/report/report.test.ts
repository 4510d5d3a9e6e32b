import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ARTICLE,
  articleSource,
  HOSTILE_NAME,
  invoiceSource,
  loadCaseWorld,
} from "../../test/helpers/case-world.js";
import { tempDir } from "../../test/helpers/cli.js";
import { SqliteStore } from "../store/index.js";
import {
  buildDossier,
  buildEntityPage,
  buildSearchIndex,
  buildWorkspaceGraph,
  chplTierOfCodes,
  openCitation,
  renderCsv,
  renderGexf,
  renderHtml,
  renderMarkdown,
} from "./index.js";

let store: SqliteStore;

beforeAll(async () => {
  store = new SqliteStore(join(tempDir(), "w.db"));
  await loadCaseWorld(store);
});

describe("entity pages", () => {
  it("shows each value with its citations, sanctions, relations and a timeline", async () => {
    const page = await buildEntityPage(store, "inv-transit");
    expect(
      page?.properties.map((p) => [p.label, p.value, p.citations.map((c) => c.locator)]),
    ).toEqual([
      ["Name", "Transit Trade LLC", ["row:2"]],
      ["Country", "ae", ["row:2"]],
      ["Incorporation date", "2022-12-20", ["row:2"]],
    ]);
    expect(page?.properties[0]?.citations[0]?.sourceName).toBe("invoices.csv");
    expect(page?.relations.map((r) => [r.label, r.direction, r.other.caption, r.date])).toEqual([
      ["Customs declaration", "in", "Shenzhen Sky Drone Co", "2023-02-10"],
      ["Customs declaration", "out", "IEMZ Kupol", "2023-03-01"],
      ["linked to", "out", HOSTILE_NAME, null],
    ]);
    expect(page?.timeline.map((e) => [e.date, e.label])).toEqual([
      ["2022-12-20", "Incorporation date"],
      ["2023-02-10", "Customs declaration: Date"],
      ["2023-03-01", "Customs declaration: Date"],
    ]);
    const kupol = await buildEntityPage(store, "tl-kupol");
    expect(kupol?.sanctioned).toBe(true);
    expect(kupol?.sanctions.map((s) => [s.authority, s.program, s.listingDate])).toEqual([
      [["Test Authority"], ["RUSSIA-EO14024"], ["2023-11-02"]],
    ]);
  });

  it("opens a row citation to its cells and a span to the text around it", async () => {
    const row = await openCitation(store, {
      dataset: "invoices",
      source: invoiceSource.sha256,
      locator: "row:3",
    });
    expect(row.kind).toBe("row");
    expect(row.cells.map((c) => `${c.entity}.${c.prop}=${c.value}`)).toEqual([
      "inv-kupol.name=IEMZ Kupol",
      "inv-kupol.innCode=1831083343",
      "inv-ship-2.sender=inv-transit",
      "inv-ship-2.receiver=inv-kupol",
      "inv-ship-2.date=2023-03-01",
      "inv-ship-2.vedCode=8542.31",
      "inv-ship-2.goodsDescription=microcontrollers, 500 units",
    ]);
    const start = ARTICLE.indexOf("IEMZ Kupol");
    const span = await openCitation(store, {
      dataset: "news",
      source: articleSource.sha256,
      locator: `span:${start}-${start + 10}`,
    });
    expect([span.before, span.text, span.after?.slice(0, 12)]).toEqual([
      ARTICLE.slice(0, start),
      "IEMZ Kupol",
      " in Izhevsk ",
    ]);
    expect(span.document).toEqual({
      id: "news-article",
      caption: "Drones for Izhevsk",
      schema: "Document",
    });
  });
});

describe("search", () => {
  it("finds entities by any word prefix, alias and script, sanctioned first", async () => {
    const index = await buildSearchIndex(store);
    const found = index.search("iemz kup").map((r) => [r.id, r.sanctioned]);
    expect(found).toEqual([
      ["tl-kupol", true],
      ["inv-kupol", false],
      ["news-kupol", false],
    ]);
    expect(index.search("купол").map((r) => [r.id, r.matched])).toEqual([
      ["tl-kupol", "ИЭМЗ Купол"],
    ]);
    expect(index.search("onerror")[0]?.caption).toBe(HOSTILE_NAME);
  });
});

describe("dossiers", () => {
  it("numbers citations and renders hostile names as text in HTML and Markdown", async () => {
    const dossier = await buildDossier(store, {
      title: "Drones <for> Kupol",
      ids: ["inv-transit", "tl-hostile"],
      paths: [["inv-maker", "inv-transit", "inv-kupol"]],
      now: "2026-01-01T00:00:00.000Z",
    });
    expect(dossier.citations.map((c) => [c.n, c.sourceName, c.locator])).toEqual([
      [1, "invoices.csv", "row:2"],
      [2, "invoices.csv", "row:3"],
      [3, "test-list.ftm.json", "line:2"],
      [4, "test-list.ftm.json", "line:4"],
    ]);
    expect(dossier.paths[0]?.edges.map((e) => e.id)).toEqual(["inv-ship-1", "inv-ship-2"]);
    const html = renderHtml(dossier);
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("<title>Drones &lt;for&gt; Kupol</title>");
    expect(html).toContain('<li id="source-1">invoices · invoices.csv · <code>row:2</code>');
    const markdown = renderMarkdown(dossier);
    expect(markdown).toContain("| Name | Transit Trade LLC | [1] |");
    expect(markdown).toContain("1. invoices · invoices.csv · row:2 · sha256 ");
    expect(markdown).toContain("&lt;img src=x onerror=alert(1)");
    expect(markdown).not.toContain("<img");
  });
});

describe("exports", () => {
  it("writes the graph as GEXF and as CSV node and edge lists", async () => {
    const graph = await buildWorkspaceGraph(store, { tierOf: chplTierOfCodes });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([
      "inv-kupol",
      "inv-maker",
      "inv-transit",
      "tl-hostile",
    ]);
    const gexf = renderGexf(graph);
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(gexf).toContain('label="&lt;img src=x onerror=alert(1)>"');
    const csv = renderCsv(graph);
    expect(csv.edges.split("\r\n")).toEqual([
      "id,source,target,schema,label,date,tier,goods",
      "inv-link,inv-transit,tl-hostile,UnknownLink,linked to,,,",
      'inv-ship-1,inv-maker,inv-transit,EconomicActivity,Customs declaration,2023-02-10,,"880699; strike drones, 40 units"',
      'inv-ship-2,inv-transit,inv-kupol,EconomicActivity,Customs declaration,2023-03-01,1,"8542.31; microcontrollers, 500 units"',
      "",
    ]);
    expect(csv.nodes).toContain("tl-hostile,<img src=x onerror=alert(1)>,Person,true\r\n");
  });
});
