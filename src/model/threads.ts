import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Start the worker script `name` that sits beside the module whose `import.meta.url` is
 * `base`: its `.js` file when running compiled, its `.ts` source from the sources (tests,
 * benchmarks), with tsx registered first, since a worker does not inherit the loader hooks of
 * its parent.
 * @example const worker = startWorker(import.meta.url, "screen-worker", { workerData });
 */
export function startWorker(base: string, name: string, options: WorkerOptions = {}): Worker {
  const source = base.endsWith(".ts");
  const url = new URL(`./${name}.${source ? "ts" : "js"}`, base);
  if (!source) return new Worker(url, options);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
