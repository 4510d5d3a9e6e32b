import { type FoldedText, symbolOf } from "./fold.js";

const ALPHABET = 36;

/** One raw hit of the automaton: folded positions [start, end) of pattern `pattern`. */
export interface AutomatonHit {
  pattern: number;
  start: number;
  end: number;
}

/**
 * An Aho-Corasick automaton over folded names (symbols a-z0-9), so a text is scanned once
 * whatever the number of names. Built once; `scan` is allocation-light.
 * @example
 * const automaton = new NameAutomaton(["kupol", "vektor"]);
 * automaton.scan(foldText("ООО Вектор")) // [{ pattern: 1, start: 3, end: 9 }]
 */
export class NameAutomaton {
  /** Transitions, keyed `node * 36 + symbol`. */
  private readonly next = new Map<number, number>();
  private fail: Int32Array = new Int32Array(1);
  /** The pattern ending at each node, or -1. */
  private output: number[] = [-1];
  /** The nearest node on the fail chain that ends a pattern, or -1. */
  private outputLink: Int32Array = new Int32Array(1);
  private depth: number[] = [0];
  readonly patterns: number;

  constructor(patterns: readonly string[]) {
    for (const [index, pattern] of patterns.entries()) this.insert(pattern, index);
    this.patterns = patterns.length;
    this.link();
  }

  get nodes(): number {
    return this.output.length;
  }

  private insert(pattern: string, index: number): void {
    let node = 0;
    for (let k = 0; k < pattern.length; k++) {
      const key = node * ALPHABET + symbolOf(pattern.charCodeAt(k));
      let child = this.next.get(key);
      if (child === undefined) {
        child = this.output.length;
        this.output.push(-1);
        this.depth.push(k + 1);
        this.next.set(key, child);
      }
      node = child;
    }
    if (this.output[node] === -1) this.output[node] = index;
  }

  /** Breadth-first fail links; children are found through the transition keys. */
  private link(): void {
    const children: number[][] = Array.from({ length: this.nodes }, () => []);
    for (const [key, child] of this.next)
      children[Math.floor(key / ALPHABET)]!.push(key % ALPHABET, child);
    this.fail = new Int32Array(this.nodes);
    this.outputLink = new Int32Array(this.nodes).fill(-1);
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const list = children[node]!;
      for (let k = 0; k < list.length; k += 2) {
        const symbol = list[k]!;
        const child = list[k + 1]!;
        const fallback = node === 0 ? 0 : this.step(this.fail[node]!, symbol);
        this.fail[child] = fallback;
        this.outputLink[child] =
          this.output[fallback] !== -1 ? fallback : this.outputLink[fallback]!;
        queue.push(child);
      }
    }
  }

  private step(from: number, symbol: number): number {
    let node = from;
    for (;;) {
      const child = this.next.get(node * ALPHABET + symbol);
      if (child !== undefined) return child;
      if (node === 0) return 0;
      node = this.fail[node]!;
    }
  }

  /** Every occurrence of a pattern that begins a token, overlapping ones included. */
  scan(text: FoldedText): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    let node = 0;
    for (let at = 0; at < text.length; at++) {
      node = this.step(node, text.symbols[at]!);
      for (
        let found = this.output[node] !== -1 ? node : this.outputLink[node]!;
        found !== -1;
        found = this.outputLink[found]!
      ) {
        const start = at + 1 - this.depth[found]!;
        if (text.startsToken[start])
          hits.push({ pattern: this.output[found]!, start, end: at + 1 });
      }
    }
    return hits;
  }
}
