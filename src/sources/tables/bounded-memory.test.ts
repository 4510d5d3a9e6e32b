import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/helpers/cli.js";
import { batchStatements } from "../../model/index.js";
import { probeFile, toSourceInputs } from "../files.js";
import { tableFormat } from "./format.js";

const MiB = 1024 * 1024;

/** A full garbage collection, so that the heap measured is what the reader still holds. */
function collectGarbage(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** A customs table of `bytes` bytes whose rows carry long goods descriptions. */
async function writeLargeTable(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write("date,ccd,sender,receiver,hs code,goods description\n");
  const filler = "UAV spare parts and accessories ".repeat(60);
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    // Parties recur, and new ones keep coming: each one met in a chunk must not keep it.
    const party = Math.floor(rows / 40);
    const line = `2024-01-01,10/${rows},Sender ${party} Co. Ltd.,Receiver ${party % 70} LLC,8806,${filler}${rows}\n`;
    written += line.length;
    rows++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return rows;
}

describe("reading a table larger than the memory it may use", () => {
  it("streams 32 MiB of rows while holding a small, constant part of it", async () => {
    const path = join(tempDir(), "large.csv");
    const rows = await writeLargeTable(path, 32 * MiB);
    const [file] = await toSourceInputs([await probeFile(path)]);
    const gc = collectGarbage();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let held = 0;
    let activities = 0;
    let batches = 0;
    for await (const batch of tableFormat.read([file!], { dataset: "big" })) {
      activities += batchStatements(batch).filter((s) => s.prop === "ccdNumber").length;
      if (++batches % 25 === 0) {
        gc();
        held = Math.max(held, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(activities).toBe(rows);
    // A reader that kept the file or its rows would hold more than the whole 32 MiB; the
    // bound leaves room for the batch in flight and caches (8 MiB was seen exceeded by 1%).
    expect(held).toBeLessThan(16 * MiB);
  });
});
