/** Timing helpers shared by the store benchmarks. */

export interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Wall and CPU seconds of a run: the machine is shared, so CPU time is the steadier measure.
 * @example const { wall, cpu } = await time(() => load());
 */
export async function time(run: () => Promise<unknown> | unknown): Promise<Timing> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return {
    wall: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: (used.user + used.system) / 1e6,
  };
}

/** The median of some numbers (the upper one of an even count). */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
