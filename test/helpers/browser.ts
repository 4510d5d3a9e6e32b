import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { webDistPath } from "../../src/api/web-ui.js";
import { CHROMIUM_ARGS, chromiumPath } from "../../src/report/index.js";

/** Why browser tests cannot run here, or undefined when they can. */
export const browserSkipReason: string | undefined = (() => {
  if (!chromiumPath())
    return "chromium is not installed (apt-get install chromium): browser tests skipped";
  if (!existsSync(join(webDistPath(), "index.html")))
    return "the web UI is not built (npm run build): browser tests skipped";
  return undefined;
})();
if (browserSkipReason) console.warn(browserSkipReason);

/** Headless Debian Chromium with a fresh profile, as the test machine and CI have it. */
export async function launchBrowser(
  viewport = { width: 1280, height: 800 },
): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), "sanctrace-chromium-"));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath()!,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  });
}
