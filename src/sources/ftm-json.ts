import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { EntityBuilder, getSchema, SanctraceError, type Statement } from "../model/index.js";
import { headText } from "./files.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";

const BATCH = 5000;

function looksLikeFtm(probe: FileProbe): boolean {
  const first = headText(probe).trimStart();
  return first.startsWith("{") && /"schema"\s*:/.test(first) && /"id"\s*:/.test(first);
}

/** Parse one FtM JSON line into statements, refusing malformed lines with their number. */
function parseLine(line: string, file: SourceInput, number: number, context: ReadContext) {
  const locator = `line:${number}`;
  const where = `${file.name} ${locator}`;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new SanctraceError(
      "json_malformed",
      `not valid JSON (${(error as Error).message})`,
      where,
    );
  }
  const entity = raw as { id?: unknown; schema?: unknown; properties?: unknown };
  if (typeof entity.id !== "string" || typeof entity.schema !== "string") {
    throw new SanctraceError(
      "ftm_missing_field",
      'an FtM entity needs string "id" and "schema"',
      where,
    );
  }
  getSchema(entity.schema, where);
  const builder = new EntityBuilder(entity.schema, entity.id, {
    dataset: context.dataset,
    source: file.sha256,
  });
  const properties = (entity.properties ?? {}) as Record<string, unknown>;
  for (const [prop, values] of Object.entries(properties)) {
    if (!Array.isArray(values)) {
      throw new SanctraceError("ftm_bad_property", `property ${prop} must be an array`, where);
    }
    for (const value of values) {
      // Nested entities (OpenSanctions "nested" exports) contribute their id.
      const text =
        typeof value === "object" && value !== null ? (value as { id?: string }).id : value;
      try {
        builder.add(prop, text as string, locator);
      } catch (error) {
        if (error instanceof SanctraceError)
          throw new SanctraceError(error.code, error.message, where);
        throw error;
      }
    }
  }
  return builder.statements;
}

async function* readFtm(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file.path), crlfDelay: Infinity });
    let batch: Statement[] = [];
    let number = 0;
    for await (const line of lines) {
      number++;
      // readline decodes leniently, turning invalid UTF-8 into U+FFFD.
      if (line.includes("\uFFFD")) {
        throw new SanctraceError(
          "encoding_invalid_utf8",
          "invalid UTF-8 (or a U+FFFD replacement character); re-save the file as UTF-8",
          `${file.name} line:${number}`,
        );
      }
      if (!line.trim()) continue;
      batch.push(...parseLine(line, file, number, context));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
}

/** FtM JSON lines: OpenSanctions exports, Aleph exports, yente fixtures. */
export const ftmJsonFormat: SourceFormat = {
  id: "ftm-json",
  dataset: "",
  title: "FollowTheMoney entities",
  kind: "list",
  claim: (probes) => probes.filter(looksLikeFtm),
  read: readFtm,
};
