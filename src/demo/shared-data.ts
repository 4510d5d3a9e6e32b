import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The list folders of the shared data that `demo` loads, when their readers exist. */
export const SHARED_LISTS = [
  "ofac_sdn_2023-12-28",
  "ofac_consolidated_nonsdn_2025-12",
  "un_sc_consolidated_2026-02-27",
  "uk_sanctions_list_2026-05_derived",
  "eu_fsf_2022-09-13_derived",
  "us_bis_trade",
  "opensanctions_ftm/zala_aero_cluster.entities.ftm.json",
];

export const SHARED_ARTICLE = "articles/2025-09-kupol-chinese-drones.txt";

/**
 * The shared data folder: `$SANCTRACE_SHARED/data`, else `../shared/data` beside the repo,
 * else beside the working directory; undefined when none exists.
 * @example findSharedData(process.env) // "/work/shared/data"
 */
export function findSharedData(env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  const roots = [
    env.SANCTRACE_SHARED,
    resolve(import.meta.dirname, "../../../shared"),
    resolve(import.meta.dirname, "../../../../shared"),
    resolve(cwd, "../shared"),
  ].filter((root): root is string => Boolean(root));
  return roots.map((root) => join(root, "data")).find((data) => existsSync(data));
}
