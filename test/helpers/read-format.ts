import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  batchStatements,
  type EntityRecord,
  foldStatements,
  type Statement,
} from "../../src/model/index.js";
import { toSourceInputs } from "../../src/sources/files.js";
import { probeFile, type SourceFormat, type SourceInput } from "../../src/sources/index.js";

/** Write `content` to a temp file named `name` and return it as a reader input. */
export async function writeInput(name: string, content: string | Buffer): Promise<SourceInput> {
  const path = join(mkdtempSync(join(tmpdir(), "sanctrace-reader-")), name);
  writeFileSync(path, content);
  return (await toSourceInputs([await probeFile(path)]))[0]!;
}

/** A reader input for an existing file. */
export async function fileInput(path: string): Promise<SourceInput> {
  return (await toSourceInputs([await probeFile(path)]))[0]!;
}

/** Every statement a format reads from `files`. */
export async function readStatements(
  format: SourceFormat,
  files: SourceInput[],
  dataset = format.dataset,
): Promise<Statement[]> {
  const statements: Statement[] = [];
  for await (const batch of format.read(files, { dataset }))
    statements.push(...batchStatements(batch));
  return statements;
}

/** Statements folded into entities by id, in first-seen order. */
export function foldAll(statements: Statement[]): Map<string, EntityRecord> {
  const groups = new Map<string, Statement[]>();
  for (const statement of statements) {
    const group = groups.get(statement.entityId) ?? [];
    group.push(statement);
    groups.set(statement.entityId, group);
  }
  return new Map([...groups].map(([id, group]) => [id, foldStatements(group)]));
}
