import type { Judgement, JudgementKind } from "../store/index.js";

/** The order-free key of a pair of entity ids. */
export function pairKey(left: string, right: string): string {
  return left < right ? `${left}\u0000${right}` : `${right}\u0000${left}`;
}

/**
 * Canonical clusters from the judgement log. The latest judgement on a pair wins; positives
 * then merge clusters in the order they were made, except where a negative lies between
 * the two clusters: a negative keeps a pair apart for good, also against transitive merges.
 * A cluster's canonical id is its smallest member id, so it is always a real entity id.
 * @example
 * const resolver = Resolver.fromJudgements(await store.listJudgements());
 * resolver.canonicalId("ofac-2"); // "ofac-1" after `judge ofac-1 ofac-2 positive`
 */
export class Resolver {
  private readonly root = new Map<string, string>();
  private readonly members = new Map<string, string[]>();
  private readonly latest = new Map<string, Judgement>();
  private readonly negatives = new Map<string, Set<string>>();
  /** Positive judgements not applied because a negative keeps their clusters apart. */
  readonly conflicts: Judgement[] = [];

  static fromJudgements(judgements: Iterable<Judgement>): Resolver {
    const resolver = new Resolver();
    for (const judgement of judgements) {
      resolver.latest.delete(pairKey(judgement.left, judgement.right));
      resolver.latest.set(pairKey(judgement.left, judgement.right), judgement);
    }
    const effective = [...resolver.latest.values()];
    for (const judgement of effective) {
      if (judgement.judgement === "negative") resolver.addNegative(judgement);
    }
    for (const judgement of effective) {
      if (judgement.judgement === "positive") resolver.merge(judgement);
    }
    return resolver;
  }

  /**
   * The judgements in effect (the latest per pair): `fromJudgements` of them makes the same
   * resolver, which is how a worker thread gets a copy.
   * @example Resolver.fromJudgements(resolver.effective()).canonicalId(id) === resolver.canonicalId(id)
   */
  effective(): Judgement[] {
    return [...this.latest.values()];
  }

  private addNegative({ left, right }: Judgement): void {
    for (const [from, to] of [
      [left, right],
      [right, left],
    ] as const) {
      const set = this.negatives.get(from) ?? new Set<string>();
      set.add(to);
      this.negatives.set(from, set);
    }
  }

  private merge(judgement: Judgement): void {
    const left = this.canonicalId(judgement.left);
    const right = this.canonicalId(judgement.right);
    if (left === right) return;
    if (this.clustersApart(left, right)) {
      this.conflicts.push(judgement);
      return;
    }
    const [keep, drop] = left < right ? [left, right] : [right, left];
    const joined = [...this.referents(keep), ...this.referents(drop)].sort();
    for (const id of joined) this.root.set(id, keep);
    this.members.delete(drop);
    this.members.set(keep, joined);
  }

  private clustersApart(leftRoot: string, rightRoot: string): boolean {
    return this.negativesBetween(leftRoot, rightRoot).length > 0;
  }

  /** The negatively judged pairs in force between the clusters of two ids. */
  negativesBetween(left: string, right: string): Array<[string, string]> {
    const rightRoot = this.canonicalId(right);
    return this.referents(left).flatMap((id) =>
      [...(this.negatives.get(id) ?? [])]
        .filter((other) => this.canonicalId(other) === rightRoot)
        .map((other): [string, string] => [id, other]),
    );
  }

  /** The id that stands for the cluster of `id` (itself when never merged). */
  canonicalId(id: string): string {
    return this.root.get(id) ?? id;
  }

  /** Every id in the cluster of `id`, sorted, `id` included. */
  referents(id: string): string[] {
    return this.members.get(this.canonicalId(id)) ?? [id];
  }

  /** The judgement in force on a pair: the latest made on it. */
  judgementOf(left: string, right: string): JudgementKind | undefined {
    return this.latest.get(pairKey(left, right))?.judgement;
  }

  /** True when a negative judgement lies between the clusters of the two ids. */
  areApart(left: string, right: string): boolean {
    const leftRoot = this.canonicalId(left);
    const rightRoot = this.canonicalId(right);
    return leftRoot !== rightRoot && this.clustersApart(leftRoot, rightRoot);
  }

  /** Clusters of more than one entity, each sorted, ordered by canonical id. */
  clusters(): string[][] {
    return [...this.members.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, members]) => members);
  }
}
