import { existsSync } from "node:fs";
import { SanctraceError } from "../model/index.js";

/** Where Debian installs Chromium; `SANCTRACE_CHROMIUM` overrides. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.SANCTRACE_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

/** Flags for headless Chromium on a server without a GPU or a user profile. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Print a self-contained HTML report to PDF through headless Chromium.
 * @example writeFileSync("kupol.pdf", await renderPdf(renderHtml(dossier)));
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new SanctraceError(
      "pdf_chromium_missing",
      "PDF needs Chromium (apt-get install chromium, or set SANCTRACE_CHROMIUM); HTML and Markdown work without it",
    );
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" },
    });
  } finally {
    await browser.close();
  }
}
