import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { SanctraceError } from "../model/index.js";
import type { Io } from "./output.js";

/** Where a command writes its JSON lines: a file (`--out`) or stdout. */
export interface LineSink {
  write(value: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Lines are handed on in pieces of about this many characters: one write per line costs a system call each. */
const PIECE = 64 * 1024;

/** JSON lines gathered into pieces for `flush`; what is left is flushed on close. */
function bufferedSink(flush: (text: string) => Promise<void>, end: () => Promise<void>): LineSink {
  let pending = "";
  return {
    write: async (value) => {
      pending += `${JSON.stringify(value)}\n`;
      if (pending.length < PIECE) return;
      const text = pending;
      pending = "";
      await flush(text);
    },
    close: async () => {
      if (pending) await flush(pending);
      pending = "";
      await end();
    },
  };
}

function fileSink(path: string): LineSink {
  const stream: WriteStream = createWriteStream(path);
  const failed = once(stream, "error").then(([error]) => {
    throw new SanctraceError("output_failed", `cannot write: ${(error as Error).message}`, path);
  });
  failed.catch(() => {});
  // `once` rejects with the raw error on "error": waited for this way, the coded one wins.
  const event = (name: string) => new Promise<void>((resolve) => stream.once(name, resolve));
  return bufferedSink(
    async (text) => {
      if (!stream.write(text)) await Promise.race([event("drain"), failed]);
    },
    async () => {
      stream.end();
      await Promise.race([event("finish"), failed]);
    },
  );
}

/**
 * Open the output of a command that prints JSON lines; lines are written in pieces of about
 * 64 KiB and the rest on `close`.
 * @example const sink = openSink(io, options.out); await sink.write({ a: 1 }); await sink.close();
 */
export function openSink(io: Io, path: string | undefined): LineSink {
  if (path) return fileSink(path);
  return bufferedSink(
    async (text) => io.stdout(text),
    async () => {},
  );
}
