import { Growable } from "./growable.js";

/**
 * Partial paths of a best-first search, as parallel typed arrays: each entry is one step
 * (node, the edge taken, its parent entry) with the running score and the date of the last
 * dated step.
 */
export class PathEntries {
  readonly node = new Growable(Int32Array);
  readonly parent = new Growable(Int32Array);
  readonly edge = new Growable(Int32Array);
  readonly depth = new Growable(Uint8Array);
  readonly lastDate = new Growable(Int32Array);
  readonly shipped = new Growable(Uint8Array);
  readonly score = new Growable(Float64Array);

  add(
    node: number,
    parent: number,
    edge: number,
    depth: number,
    lastDate: number,
    shipped: number,
    score: number,
  ): number {
    this.parent.push(parent);
    this.edge.push(edge);
    this.depth.push(depth);
    this.lastDate.push(lastDate);
    this.shipped.push(shipped);
    this.score.push(score);
    return this.node.push(node);
  }

  get length(): number {
    return this.node.length;
  }

  /** True when `node` already lies on the path ending at `entry` (keeps paths simple). */
  onPath(entry: number, node: number): boolean {
    for (let at = entry; at >= 0; at = this.parent.get(at)) {
      if (this.node.get(at) === node) return true;
    }
    return false;
  }

  /** Nodes and edges of the path ending at `entry`, from its start. */
  unwind(entry: number): { nodes: number[]; edges: number[] } {
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let at = entry; at >= 0; at = this.parent.get(at)) {
      nodes.push(this.node.get(at));
      if (this.parent.get(at) >= 0) edges.push(this.edge.get(at));
    }
    return { nodes: nodes.reverse(), edges: edges.reverse() };
  }
}

/**
 * A binary max-heap of entry numbers by score; ties pop the older entry first, so results
 * are deterministic.
 */
export class ScoreHeap {
  private readonly heap = new Growable(Int32Array);

  constructor(private readonly score: Growable<Float64Array>) {}

  get size(): number {
    return this.heap.length;
  }

  private before(a: number, b: number): boolean {
    const sa = this.score.get(a);
    const sb = this.score.get(b);
    return sa > sb || (sa === sb && a < b);
  }

  push(entry: number): void {
    const heap = this.heap;
    let at = heap.push(entry);
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (!this.before(entry, heap.get(up))) break;
      heap.set(at, heap.get(up));
      at = up;
    }
    heap.set(at, entry);
  }

  pop(): number {
    const heap = this.heap;
    const top = heap.get(0);
    const last = heap.get(--heap.length);
    const size = heap.length;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(heap.get(child + 1), heap.get(child))) child++;
      if (!this.before(heap.get(child), last)) break;
      heap.set(at, heap.get(child));
      at = child;
    }
    if (size > 0) heap.set(at, last);
    return top;
  }
}
