import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { SanctraceError } from "../model/index.js";
import type { Io } from "./output.js";

/** Where a command writes its JSON lines: a file (`--out`) or stdout. */
export interface LineSink {
  write(value: unknown): Promise<void>;
  close(): Promise<void>;
}

function fileSink(path: string): LineSink {
  const stream: WriteStream = createWriteStream(path);
  const failed = once(stream, "error").then(([error]) => {
    throw new SanctraceError("output_failed", `cannot write: ${(error as Error).message}`, path);
  });
  failed.catch(() => {});
  return {
    write: async (value) => {
      if (!stream.write(`${JSON.stringify(value)}\n`)) {
        await Promise.race([once(stream, "drain"), failed]);
      }
    },
    close: async () => {
      stream.end();
      await Promise.race([once(stream, "finish"), failed]);
    },
  };
}

/**
 * Open the output of a command that prints JSON lines.
 * @example const sink = openSink(io, options.out); await sink.write({ a: 1 }); await sink.close();
 */
export function openSink(io: Io, path: string | undefined): LineSink {
  if (path) return fileSink(path);
  return {
    write: async (value) => io.stdout(`${JSON.stringify(value)}\n`),
    close: async () => {},
  };
}
