// A worker for threads.test.ts: answers each message with itself; fails to load when the
// environment it was started with says so.
import { parentPort } from "node:worker_threads";

if (process.env.ECHO_WORKER_FAIL) throw new Error("echo worker told to fail");
parentPort!.on("message", (message) => parentPort!.postMessage(message));
