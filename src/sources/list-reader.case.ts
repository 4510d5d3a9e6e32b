import { beforeAll, describe, expect, it } from "vitest";
import { batchStatements, type Statement } from "../model/index.js";
import { BATCH_SIZE } from "./batcher.js";
import { expandPaths, probeFile, toSourceInputs } from "./files.js";
import { hasProperty } from "./identifiers.js";
import { listFormats } from "./registry.js";
import type { SourceFormat, SourceInput } from "./types.js";

export interface ListReaderCase {
  format: SourceFormat;
  /** A folder of real list files. */
  folder: string;
  /** Every entity id starts with `<prefix>-`. */
  prefix: string;
  /** The number of list subjects, counted from the files without the reader. */
  countTargets: () => number;
  /** What locators look like (default `row:N`; XML lists use `xpath:/…`). */
  locator?: RegExp;
}

async function readAll(format: SourceFormat, inputs: SourceInput[]) {
  const batches: Statement[][] = [];
  for await (const batch of format.read(inputs, { dataset: format.dataset }))
    batches.push(batchStatements(batch));
  return batches;
}

/**
 * The contract every list reader keeps, run on a real folder: it claims the folder's files
 * and only those, its statements are valid FtM with provenance, every subject carries a
 * Sanction, and reading twice gives the same statements.
 */
export function describeListReader(test: ListReaderCase): void {
  describe(`list reader ${test.format.id} on ${test.folder.split("/").pop()}`, () => {
    let inputs: SourceInput[];
    let batches: Statement[][];
    let statements: Statement[];

    beforeAll(async () => {
      const probes = await Promise.all((await expandPaths([test.folder])).map(probeFile));
      inputs = await toSourceInputs(test.format.claim(probes));
      expect(inputs.map((input) => input.name)).toEqual(probes.map((probe) => probe.name));
      batches = await readAll(test.format, inputs);
      statements = batches.flat();
    });

    it("is the only format that claims the files", async () => {
      for (const format of listFormats.filter((other) => other !== test.format)) {
        expect(format.claim(inputs), format.id).toEqual([]);
      }
    });

    it("streams batches of bounded size", () => {
      expect(batches.length).toBeGreaterThan(0);
      for (const batch of batches) expect(batch.length).toBeLessThan(BATCH_SIZE * 2);
    });

    it("gives every statement a valid property, a source file and a row", () => {
      const sources = new Set(inputs.map((input) => input.sha256));
      const valid = (statement: Statement) =>
        hasProperty(statement.schema, statement.prop) &&
        sources.has(statement.source) &&
        (test.locator ?? /^row:[1-9]\d*$/).test(statement.locator) &&
        statement.dataset === test.format.dataset &&
        statement.entityId.startsWith(`${test.prefix}-`) &&
        statement.value !== "" &&
        statement.value === statement.value.trim();
      // One assertion over all statements: per-statement expects are slow on 200k of them.
      expect(statements.filter((statement) => !valid(statement)).slice(0, 3)).toEqual([]);
    });

    it("gives every subject a Sanction, and no Sanction points nowhere", () => {
      const entities = new Set(statements.map((statement) => statement.entityId));
      const targets = new Set(
        statements
          .filter((s) => s.schema === "Sanction" && s.prop === "entity")
          .map((s) => s.value),
      );
      expect(targets.size).toBe(test.countTargets());
      for (const target of targets) expect(entities.has(target)).toBe(true);
    });

    it("reads the same statements twice", async () => {
      expect((await readAll(test.format, inputs)).flat()).toEqual(statements);
    });
  });
}
