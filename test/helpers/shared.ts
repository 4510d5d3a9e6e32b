import { existsSync } from "node:fs";
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

/** Path of a file under the shared data folder (call only when `sharedData` is set). */
export function sharedPath(...parts: string[]): string {
  if (!sharedData) throw new Error("shared data folder is absent");
  return join(sharedData, ...parts);
}

export const skipWithoutShared = !sharedData;
if (skipWithoutShared) {
  console.warn("shared data not found (set SANCTRACE_SHARED): tests on real lists are skipped");
}
