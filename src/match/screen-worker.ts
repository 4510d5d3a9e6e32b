/**
 * A screening worker thread: restores the index from its snapshot once, then answers
 * batches of queries with the entities found, as the matcher's own index would.
 */
import { parentPort } from "node:worker_threads";
import type { Judgement } from "../store/index.js";
import { type IndexSnapshot, restoreIndex } from "./index-snapshot.js";
import type { FoundEntity, InMemoryMatchIndex } from "./match-index.js";
import { type MatcherOptions, searchOptions } from "./matcher.js";
import { Resolver } from "./resolver.js";
import type { MatchQuery } from "./types.js";

/** Messages to a worker. */
export type WorkerRequest =
  | { type: "load"; snapshot: IndexSnapshot; judgements: Judgement[] }
  | { type: "judge"; judgements: Judgement[] }
  | {
      type: "search";
      batch: number;
      queries: MatchQuery[];
      options: MatcherOptions;
      datasets: string[] | undefined;
      /** Each feature's contribution and detail too, as `matcher.match` returns them. */
      explain: boolean;
    };

/** Messages from a worker. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "found"; batch: number; found: FoundEntity[][] }
  | { type: "failed"; batch: number; message: string };

let index: InMemoryMatchIndex | undefined;
let resolver = new Resolver();

function answer(request: WorkerRequest): WorkerReply {
  if (request.type === "load") {
    index = restoreIndex(request.snapshot);
    resolver = Resolver.fromJudgements(request.judgements);
    return { type: "ready" };
  }
  if (request.type === "judge") {
    resolver = Resolver.fromJudgements(request.judgements);
    return { type: "ready" };
  }
  const { batch, queries, options, datasets, explain } = request;
  try {
    const found = queries.map((query) =>
      index!.search(query, searchOptions(query, resolver, options, datasets, explain)),
    );
    return { type: "found", batch, found };
  } catch (error) {
    return { type: "failed", batch, message: (error as Error).message };
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  parentPort!.postMessage(answer(request));
});
