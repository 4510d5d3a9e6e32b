import type { Command } from "commander";
import { defaultWorkspace, openStore, type Store } from "../store/index.js";
import type { Io } from "./output.js";

/** Options every command sees: the workspace, the output mode and where to write. */
export interface GlobalOptions {
  db: string;
  json: boolean;
}

/** Starts the HTTP API; the entry point (`bin/sanctrace.js`) wires it in, as shells never import each other. */
export type ServeApi = (options: {
  store: Store;
  host: string;
  port: number;
  /** Threads for large `/match` batches (1: none). */
  workers?: number;
}) => Promise<{ url: string; close(): Promise<void> }>;

export interface CliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  serve?: ServeApi;
}

/** Read the global options from the root program. */
export function globalOptions(command: Command, context: CliContext): GlobalOptions {
  const options = command.optsWithGlobals<{ db?: string; json?: boolean }>();
  return { db: options.db ?? defaultWorkspace(context.env), json: Boolean(options.json) };
}

/** Open the workspace for a command, run it, and close the store whatever happens. */
export async function withStore<T>(db: string, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
