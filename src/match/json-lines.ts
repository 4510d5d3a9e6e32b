import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { SanctraceError } from "../model/index.js";

/** One parsed line of a JSON lines file, with where it came from. */
export interface JsonLine {
  value: unknown;
  /** `file line:N`, for errors about this line. */
  where: string;
}

/**
 * Parse a JSON lines file line by line, skipping blank lines; a malformed line is a
 * `json_malformed` error naming the file and line, a missing file `source_not_found`.
 * @example for await (const { value, where } of readJsonLines("pairs.jsonl")) use(value, where);
 */
export async function* readJsonLines(path: string): AsyncIterable<JsonLine> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      if (!line.trim()) continue;
      const where = `${basename(path)} line:${number}`;
      try {
        yield { value: JSON.parse(line) as unknown, where };
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw new SanctraceError("json_malformed", `not valid JSON (${error.message})`, where);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new SanctraceError("source_not_found", "no such file", path);
    }
    throw error;
  }
}
