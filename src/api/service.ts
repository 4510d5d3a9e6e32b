import { Matcher, openMatcher, Resolver } from "../match/index.js";
import type { Store } from "../store/index.js";

async function listsFingerprint(store: Store): Promise<string> {
  const lists = await store.listDatasets();
  return lists.map((list) => `${list.name}@${list.loadedAt}`).join("|");
}

interface Held {
  matcher: Matcher;
  lists: string;
  judgements: number;
}

/**
 * Holds the matcher of a server: the index is built on first use and rebuilt when a list
 * is (re)loaded; the resolver is refreshed when judgements are added.
 * @example const matcher = await new MatcherHolder(store).get();
 */
export class MatcherHolder {
  private current: Promise<Held> | undefined;
  /** Calls run one after another, so concurrent first requests build the index once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  get(): Promise<Matcher> {
    const run = this.queue.then(() => this.refresh());
    this.queue = run.catch(() => {});
    return run;
  }

  private async refresh(): Promise<Matcher> {
    const lists = await listsFingerprint(this.store);
    const judgements = await this.store.listJudgements();
    const held = await this.current;
    let next: Promise<Held> | undefined;
    if (!held || held.lists !== lists) {
      next = openMatcher(this.store).then((matcher) => ({
        matcher,
        lists,
        judgements: judgements.length,
      }));
    } else if (held.judgements !== judgements.length) {
      const { index, lists: summaries } = held.matcher;
      const resolver = Resolver.fromJudgements(judgements);
      const matcher = new Matcher(this.store, index, resolver, summaries);
      next = Promise.resolve({ matcher, lists, judgements: judgements.length });
    }
    if (!next) return held!.matcher;
    this.current = next;
    return (await next).matcher;
  }
}
