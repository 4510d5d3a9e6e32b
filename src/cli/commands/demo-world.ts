import type { Store } from "../../store/index.js";
import type { CliContext } from "../context.js";
import { printTable } from "../output.js";

/**
 * `demo --world`: a larger generated world (normal trade plus planted schemes) for `leads`.
 * @example await printWorld(context, store, { seed: 3, size: 1000, dir: "w" }, false);
 */
export async function printWorld(
  context: CliContext,
  store: Store,
  options: { seed: number; size: number; dir?: string },
  json: boolean,
): Promise<void> {
  const { runWorld } = await import("../../demo/index.js");
  const report = await runWorld(store, options);
  const { io } = context;
  if (json) return io.stdout(`${JSON.stringify(report)}\n`);
  io.stdout(
    `fictional world (seed ${report.seed}) written to ${report.dir} (ground truth: ${report.truth}) and loaded: ${report.companies} companies, ${report.shipments} shipments, ${report.payments} payments\n\nplanted:\n`,
  );
  printTable(io, ["scheme", "findings"], Object.entries(report.schemes));
  io.stdout("\nnext: sanctrace leads --limit 20\n");
}
