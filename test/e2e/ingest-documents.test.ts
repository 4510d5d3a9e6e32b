import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMentionAnnotator } from "../../src/extract/index.js";
import { evidenceFormats, loadLists } from "../../src/sources/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { tempDir } from "../helpers/cli.js";
import { makeDocx, makePdf } from "../helpers/documents.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

/** The OFAC entry of the Kupol plant (SDN 46431) as FtM JSON, written by the test. */
const KUPOL = {
  id: "ofac-46431",
  schema: "Company",
  properties: {
    name: ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"],
    alias: ["JSC IEMZ KUPOL", "AO IEMZ KUPOL"],
    innCode: ["1831083343"],
  },
};

async function workspace(dir: string): Promise<Store> {
  const store = await openStore(join(dir, "w.db"));
  const list = join(dir, "sdn.ftm.json");
  writeFileSync(list, `${JSON.stringify(KUPOL)}\n`);
  await loadLists(store, [list], { dataset: "us_ofac_sdn" });
  return store;
}

async function ingest(store: Store, paths: string[], dataset = "case") {
  const annotate = await createMentionAnnotator(store.iterateEntities());
  return loadLists(store, paths, { formats: evidenceFormats, dataset, annotate });
}

async function entitiesOf(store: Store, schema: string) {
  const found = [];
  for await (const entity of store.iterateEntities({ schemata: [schema], datasets: ["case"] }))
    found.push(entity);
  return found;
}

describe.skipIf(skipWithoutShared)("ingesting the Kupol article", () => {
  it("stores the document, its mentions at their spans and the relation cues", async () => {
    const dir = tempDir();
    const store = await workspace(dir);
    const article = join(dir, "article.txt");
    copyFileSync(sharedPath("articles", "2025-09-kupol-chinese-drones.txt"), article);
    const [summary] = await ingest(store, [article]);
    expect(summary).toMatchObject({ name: "case", kind: "evidence" });
    const [document] = await entitiesOf(store, "PlainText");
    const text = document!.properties.bodyText![0]!;
    expect(document!.properties).toMatchObject({
      fileName: ["article.txt"],
      mimeType: ["text/plain"],
      encoding: ["utf-8"],
    });
    expect(document!.properties.contentHash![0]).toMatch(/^[0-9a-f]{64}$/);

    const kupol = (await store.getReferences("ofac-46431")).filter((s) => s.schema === "Mention");
    const spans = kupol.filter((s) => s.prop === "resolved").map((s) => s.locator);
    expect(spans).toEqual(["span:75-114"]);
    const names = (await store.getStatements(kupol[0]!.entityId)).filter((s) => s.prop === "name");
    for (const name of names) {
      const [, start, end] = /^span:(\d+)-(\d+)$/.exec(name.locator)!;
      expect(text.slice(Number(start), Number(end))).toBe(name.value);
    }
    expect(names.map((s) => s.value)).toEqual([
      "Izhevsk Electromechanical Plant “Kupol”",
      ...Array(6).fill("Kupol"),
    ]);

    const links = await entitiesOf(store, "UnknownLink");
    const captions = new Map<string, string>();
    for (const mention of await entitiesOf(store, "Mention"))
      captions.set(mention.id, mention.properties.name![0]!);
    captions.set("ofac-46431", "Kupol (OFAC)");
    const described = links.map((link) => [
      captions.get(link.properties.subject![0]!),
      link.properties.role![0],
      captions.get(link.properties.object![0]!),
      link.properties.status![0],
    ]);
    expect(described.sort()).toEqual([
      ["Kupol (OFAC)", "acquired", "Sichuan AEE", "extracted, unverified"],
      ["Kupol (OFAC)", "approved for testing", "HW52V", "extracted, unverified"],
      ["Kupol (OFAC)", "produced", "Harpy", "extracted, unverified"],
      ["Sichuan AEE", "delivered", "A140", "extracted, unverified"],
      ["Sichuan AEE", "delivered", "A900", "extracted, unverified"],
      ["Vector", "approved for testing", "HW52V", "extracted, unverified"],
    ]);
    await store.close();
  });
});

describe.skipIf(skipWithoutShared)("ingesting the article after the real OFAC SDN list", () => {
  it("resolves the Kupol plant, and nothing else, among 13,821 SDN entries", async () => {
    const dir = tempDir();
    const store = await openStore(join(dir, "w.db"));
    await loadLists(store, [sharedPath("ofac_sdn_2023-12-28")]);
    const article = sharedPath("articles", "2025-09-kupol-chinese-drones.txt");
    await ingest(store, [article]);
    const mentions = await entitiesOf(store, "Mention");
    const resolved = mentions.flatMap((m) => m.properties.resolved ?? []);
    expect(resolved).toEqual(["ofac-46431"]);
    const organizations = mentions
      .filter((m) => m.properties.detectedSchema?.[0] === "Organization")
      .map((m) => m.properties.name![0]);
    expect(organizations.sort()).toEqual(["Hunan Haotianyi", "Sichuan AEE", "Vector"]);
    await store.close();
  }, 180_000);
});

describe("ingesting documents", () => {
  it("locates mentions in a PDF by page and span", async () => {
    const dir = tempDir();
    const store = await workspace(dir);
    const pdf = join(dir, "invoice.pdf");
    writeFileSync(pdf, makePdf([["Invoice 17"], ["Buyer: JSC IEMZ Kupol, Izhevsk"]]));
    await ingest(store, [pdf]);
    const mention = (await store.getReferences("ofac-46431")).find((s) => s.prop === "resolved");
    expect(mention?.locator).toBe("page:2 span:19-33");
    const [document] = await entitiesOf(store, "Pages");
    expect(document!.properties.bodyText![0]!.slice(19, 33)).toBe("JSC IEMZ Kupol");
    await store.close();
  });

  it("stores nothing of a batch when one document is broken", async () => {
    const dir = tempDir();
    const store = await workspace(dir);
    writeFileSync(join(dir, "a-memo.docx"), makeDocx(["Kupol paid Vector."]));
    writeFileSync(join(dir, "b-cut.docx"), makeDocx(["Kupol"]).subarray(0, 100));
    const docs = join(dir, "docs");
    (await import("node:fs")).mkdirSync(docs);
    copyFileSync(join(dir, "a-memo.docx"), join(docs, "a-memo.docx"));
    copyFileSync(join(dir, "b-cut.docx"), join(docs, "b-cut.docx"));
    await expect(ingest(store, [docs])).rejects.toMatchObject({
      code: "zip_broken",
      path: "b-cut.docx",
    });
    expect((await store.listDatasets()).map((d) => d.name)).toEqual(["us_ofac_sdn"]);
    await store.close();
  });
});
