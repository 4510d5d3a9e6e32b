import { execFileSync } from "node:child_process";
import { once } from "node:events";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { startWorker, warmWorker } from "./threads.js";

const NAME = "echo-worker.case";
const started: Worker[] = [];

afterEach(async () => {
  for (const worker of started.splice(0)) await worker.terminate();
  delete process.env.ECHO_WORKER_FAIL;
});

async function echo(worker: Worker, message: string): Promise<unknown> {
  worker.postMessage(message);
  const [answer] = await once(worker, "message");
  return answer;
}

describe("warmWorker", () => {
  it("starts the worker the next startWorker of its script takes, once", async () => {
    const warm = warmWorker(import.meta.url, NAME);
    expect(warmWorker(import.meta.url, NAME)).toBe(warm);
    const first = startWorker(import.meta.url, NAME);
    const second = startWorker(import.meta.url, NAME);
    started.push(first, second);
    expect(first).toBe(warm);
    expect(second).not.toBe(warm);
    expect(await echo(first, "hello")).toBe("hello");
    expect(await echo(second, "again")).toBe("again");
  });

  it("is not taken by a start with options of its own", async () => {
    const warm = warmWorker(import.meta.url, NAME);
    const withOptions = startWorker(import.meta.url, NAME, { workerData: {} });
    const plain = startWorker(import.meta.url, NAME);
    started.push(withOptions, plain);
    expect(withOptions).not.toBe(warm);
    expect(plain).toBe(warm);
    expect(await echo(withOptions, "a")).toBe("a");
    expect(await echo(plain, "b")).toBe("b");
  });

  it("drops a warm worker that failed to load: the next start fails in the taker's hands", async () => {
    process.env.ECHO_WORKER_FAIL = "1";
    const warm = warmWorker(import.meta.url, NAME);
    // The warm worker fails unobserved (no crash of this process), and is dropped.
    await new Promise((resolve) => warm.once("exit", resolve));
    const worker = startWorker(import.meta.url, NAME);
    started.push(worker);
    expect(worker).not.toBe(warm);
    const [error] = await once(worker, "error");
    expect((error as Error).message).toBe("echo worker told to fail");
  }, 20_000);

  it("does not keep the process alive while nobody takes it", () => {
    const script = `
      import { warmWorker } from ${JSON.stringify(new URL("./threads.ts", import.meta.url).href)};
      warmWorker(${JSON.stringify(import.meta.url)}, ${JSON.stringify(NAME)});
      console.log("done");
    `;
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { encoding: "utf8", timeout: 15_000 },
    );
    expect(output.trim()).toBe("done");
  }, 20_000);
});
