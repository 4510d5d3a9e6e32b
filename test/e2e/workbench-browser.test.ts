import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/api/index.js";
import { SqliteStore } from "../../src/store/index.js";
import { browserSkipReason, launchBrowser } from "../helpers/browser.js";
import { HOSTILE_NAME, loadCaseWorld, loadLargeWorld } from "../helpers/case-world.js";
import { tempDir } from "../helpers/cli.js";

const shots = mkdtempSync(join(tmpdir(), "sanctrace-shots-"));
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const problems: string[] = [];

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe.skipIf(browserSkipReason)("workbench in a browser", () => {
  beforeAll(async () => {
    const store = new SqliteStore(join(tempDir(), "w.db"));
    await loadCaseWorld(store);
    server = await startServer({ store, host: "127.0.0.1", port: 0, log: () => {} });
    browser = await launchBrowser();
    page = await browser.newPage();
    // Any script run by data, CSP violation or page error fails the flow.
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    console.info(`screenshots in ${shots}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("searches with typeahead, opens an entity and a cited row and span", async () => {
    await page.goto(server.url);
    const search = page.getByRole("combobox", { name: "Search entities and lists" });
    await search.fill("transit tr");
    await expect
      .poll(() => page.getByRole("option").allTextContents())
      .toEqual(["Transit Trade LLC Company invoices"]);
    await search.press("Enter");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Transit Trade LLC");
    expect(await page.locator("#h-risk + ul li").allTextContents()).toEqual([
      "recently_incorporated +0.70 incorporated 52 days before its first trade (inv-ship-1)",
      "chpl_tier_1 +0.40 ships or receives CHPL tier 1 goods",
    ]);
    await page.getByRole("button", { name: "invoices.csv row:2" }).first().click();
    const panel = page.locator(".citation-panel");
    await expect.poll(() => panel.locator(".cells tbody tr").count()).toBe(10);
    expect(await panel.locator(".source-facts dd").first().textContent()).toBe("invoices.csv");
    await shoot("1-entity-row-citation");
    await page.goto(`${server.url}/#/entity/news-kupol`);
    await page.getByRole("button", { name: /article\.txt span:/ }).click();
    await expect.poll(() => page.locator(".span-context mark").textContent()).toBe("IEMZ Kupol");
    expect(await page.locator(".span-context").textContent()).toContain(
      "shipped strike drones to IEMZ Kupol in Izhevsk",
    );
    await shoot("2-span-citation");
  });

  it("shows a hostile name as text on its page, in search and in the graph list", async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole("combobox").fill("onerror");
    await expect.poll(() => page.getByRole("option").first().textContent()).toContain(HOSTILE_NAME);
    await page.getByRole("combobox").press("Enter");
    await expect.poll(() => page.locator("h1").textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator("main img, header img").count()).toBe(0);
    expect(await page.locator(".sanctions li").first().textContent()).toContain(
      "Test Authority RUSSIA-EO14024 · listed 2023-11-02",
    );
  });

  it("explores the graph: expands neighbours, filters by type and highlights a trace path", async () => {
    await page.goto(`${server.url}/#/graph/inv-transit`);
    await expect
      .poll(() => page.locator(".node-list summary").textContent())
      .toBe("Node list (4 nodes, 3 edges)");
    await page.locator("details.node-list summary").click();
    const maker = page.getByRole("row", { name: /Shenzhen Sky Drone Co/ });
    await maker.getByRole("button", { name: "Expand" }).click();
    await maker.getByRole("button", { name: "Select" }).click();
    await expect
      .poll(() => page.locator("#selected-heading").textContent())
      .toBe("Shenzhen Sky Drone Co");
    await page.getByRole("button", { name: "Trace paths to sanctioned" }).click();
    await expect
      .poll(() => page.locator("#paths li").first().textContent())
      .toContain(`Shenzhen Sky Drone Co → Transit Trade LLC → ${HOSTILE_NAME}`);
    await page.getByLabel("UnknownLink").uncheck();
    await expect.poll(() => page.locator("table.node-list tbody tr").count()).toBe(3);
    await page.waitForTimeout(1600);
    await shoot("3-graph");
  });

  it("judges a screening hit, which leaves the queue for good", async () => {
    await page.goto(`${server.url}/#/review`);
    const first = page.locator(".review-hit").first();
    await expect.poll(() => first.locator(".pair").textContent()).toContain("IEMZ Kupol");
    const before = await page.locator(".review-hit").count();
    await first.locator("summary").click();
    expect(await first.locator(".features tbody tr").first().textContent()).toContain(
      "name_similarity",
    );
    await shoot("4-review");
    await first.getByLabel("Note").fill("same INN 1831083343");
    await first.getByRole("button", { name: "Accept (same)" }).click();
    await expect.poll(() => page.locator(".review-hit").count()).toBe(before - 1);
    await page.reload();
    await expect.poll(() => page.locator(".review-list, .empty").count()).toBeGreaterThan(0);
    expect(await page.locator(".review-hit").count()).toBe(before - 1);
  });

  it("collects a case and downloads its report with numbered citations", async () => {
    await page.goto(`${server.url}/#/entity/inv-transit`);
    await page.getByLabel("Add to case").fill("drones");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect
      .poll(() => page.locator("#status").textContent())
      .toContain("Added to case “drones”");
    await page.goto(`${server.url}/#/cases/drones`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "HTML" }).click();
    const file = join(shots, "drones.html");
    await (await downloading).saveAs(file);
    const html = readFileSync(file, "utf8");
    expect(html).toContain("<h1>drones</h1>");
    expect(html).toContain('<li id="source-1">invoices · invoices.csv · <code>row:2</code>');
    const report = await browser.newPage();
    await report.goto(`file://${file}`);
    await report.screenshot({ path: join(shots, "5-report.png"), fullPage: true });
    await report.close();
  });

  it("fits a narrow screen and ran nothing from the data", async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/#/entity/tl-hostile`);
    await expect.poll(() => page.locator("h1").textContent()).toBe(HOSTILE_NAME);
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot("6-narrow");
    expect(problems).toEqual([]);
  });

  it("loads and lays out a graph of thousands of nodes with WebGL", async () => {
    const store = new SqliteStore(join(tempDir(), "large.db"));
    await loadLargeWorld(store, 3000);
    const large = await startServer({ store, host: "127.0.0.1", port: 0, log: () => {} });
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${large.url}/#/graph`);
      await page.getByLabel("Max nodes").fill("5000");
      await page.getByRole("button", { name: "Load whole workspace" }).click();
      await expect
        .poll(() => page.locator(".node-list summary").textContent(), { timeout: 30_000 })
        .toBe("Node list (3000 nodes, 2999 edges)");
      expect(await page.locator(".sigma canvas").count()).toBeGreaterThan(0);
      await page.getByLabel("Ownership").uncheck();
      await page.getByLabel("Until").fill("2015-12-31");
      await page.waitForTimeout(3500);
      await shoot("7-large-graph");
      expect(problems).toEqual([]);
    } finally {
      await large.close();
      await store.close();
    }
  });
});
