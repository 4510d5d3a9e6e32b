import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The real public data beside the repo: `$SANCTRACE_SHARED/data`, else `../shared/data`.
 * Undefined when absent, so tests can skip with a message.
 */
export const sharedData: string | undefined = (() => {
  const root = process.env.SANCTRACE_SHARED ?? resolve(import.meta.dirname, "../../../shared");
  const data = join(root, "data");
  return existsSync(data) ? data : undefined;
})();

/**
 * Path of a file under the shared data folder. When the folder is absent the path points
 * nowhere: suites skipped with `skipWithoutShared` still build their cases while collecting.
 */
export function sharedPath(...parts: string[]): string {
  return join(sharedData ?? join(tmpdir(), "sanctrace-shared-data-absent"), ...parts);
}

export const skipWithoutShared = !sharedData;
if (skipWithoutShared) {
  console.warn("shared data not found (set SANCTRACE_SHARED): tests on real lists are skipped");
}
