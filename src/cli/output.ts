import { SingleBar } from "cli-progress";

/** Where a command writes; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal, so progress bars make sense. */
  interactive: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** Print one JSON document per line. */
export function printJsonLines(io: Io, values: Iterable<unknown>): void {
  for (const value of values) io.stdout(`${JSON.stringify(value)}\n`);
}

/** Print rows as an aligned text table. */
export function printTable(io: Io, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? "").length)),
  );
  for (const row of cells) {
    io.stdout(
      `${row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd()}\n`,
    );
  }
}

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

/** A progress bar on a terminal; silent in pipes and with --json. */
export function startProgress(io: Io, label: string, total?: number): Progress {
  if (!io.interactive) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: total ? `${label} [{bar}] {percentage}% {value}/{total}` : `${label} {value} {unit}`,
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(total ?? 0, 0, { unit: "" });
  return {
    update: (done, unit) => bar.update(done, { unit: unit ?? "" }),
    stop: () => bar.stop(),
  };
}
