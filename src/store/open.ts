import { SanctraceError } from "../model/index.js";
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

/** The workspace location when none is given: `$SANCTRACE_DB`, else `./sanctrace.db`. */
export function defaultWorkspace(env: NodeJS.ProcessEnv = process.env): string {
  return env.SANCTRACE_DB || "./sanctrace.db";
}

/**
 * Open a workspace: a SQLite file path, or a `postgres://` URL for a team server.
 * @example const store = await openStore("./sanctrace.db");
 */
export async function openStore(location: string = defaultWorkspace()): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new SanctraceError(
      "store_backend_unavailable",
      "the PostgreSQL backend is not built yet; use a SQLite file path",
      location,
    );
  }
  return new SqliteStore(location);
}
