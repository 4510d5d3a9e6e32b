import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import type { Io } from "./output.js";
import { openSink } from "./sink.js";

const values = Array.from({ length: 5000 }, (_, n) => ({ n, name: `Party ${n} LLC` }));
const expected = values.map((value) => `${JSON.stringify(value)}\n`).join("");

function capture(): { io: Io; writes: string[] } {
  const writes: string[] = [];
  return {
    io: { stdout: (text) => void writes.push(text), stderr: () => {}, interactive: false },
    writes,
  };
}

describe("openSink", () => {
  it("writes stdout lines in order, in pieces rather than a write per line", async () => {
    const { io, writes } = capture();
    const sink = openSink(io, undefined);
    for (const value of values) await sink.write(value);
    await sink.close();
    expect(writes.join("")).toBe(expected);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThan(values.length / 100);
  });

  it("writes what is left on close, to a file", async () => {
    const path = join(tempDir(), "out.jsonl");
    const sink = openSink(capture().io, path);
    for (const value of values) await sink.write(value);
    await sink.close();
    expect(readFileSync(path, "utf8")).toBe(expected);
  });

  it("fails with the file named when the file cannot be written", async () => {
    const path = join(tempDir(), "missing", "out.jsonl");
    const sink = openSink(capture().io, path);
    await sink.write(values[0]);
    await expect(sink.close()).rejects.toMatchObject({ code: "output_failed", path });
  });
});
