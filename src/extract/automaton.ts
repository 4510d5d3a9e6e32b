import { type FoldedText, symbolOf } from "./fold.js";

const ALPHABET = 36;
/** Nodes this deep or shallower get a full transition row (36^3 rows at most). */
const DENSE_DEPTH = 3;

/** One raw hit of the automaton: folded positions [start, end) of pattern `pattern`. */
export interface AutomatonHit {
  pattern: number;
  start: number;
  end: number;
}

/** A trie under construction: children as linked lists (first child, next sibling). */
class TrieBuilder {
  firstChild: number[] = [-1];
  nextSibling: number[] = [-1];
  symbol: number[] = [-1];
  output: number[] = [-1];
  depth: number[] = [0];

  child(node: number, symbol: number): number {
    for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) {
      if (this.symbol[child] === symbol) return child;
    }
    const created = this.output.length;
    this.output.push(-1);
    this.depth.push(this.depth[node]! + 1);
    this.symbol.push(symbol);
    this.firstChild.push(-1);
    this.nextSibling.push(this.firstChild[node]!);
    this.firstChild[node] = created;
    return created;
  }

  insert(pattern: string, index: number): void {
    let node = 0;
    for (let k = 0; k < pattern.length; k++)
      node = this.child(node, symbolOf(pattern.charCodeAt(k)));
    if (this.output[node] === -1) this.output[node] = index;
  }
}

/**
 * An Aho-Corasick automaton over folded names (symbols a-z0-9), so a text is scanned once
 * whatever the number of names. Transitions are stored compactly (children of a node side by
 * side in typed arrays); the shallow nodes get direct tables.
 * @example
 * const automaton = new NameAutomaton(["kupol", "vektor"]);
 * automaton.scan(foldText("ООО Вектор")) // [{ pattern: 1, start: 3, end: 9 }]
 */
export class NameAutomaton {
  private readonly childStart: Int32Array;
  private readonly childSymbol: Uint8Array;
  private readonly childNode: Int32Array;
  /** Full transition rows for the shallow nodes, where the fail chains end up most often. */
  private dense = new Int32Array(0);
  private readonly denseRow: Int32Array;
  private readonly fail: Int32Array;
  /** The pattern ending at each node, or -1. */
  private readonly output: Int32Array;
  /** The nearest node on the fail chain that ends a pattern, or -1. */
  private readonly outputLink: Int32Array;
  private readonly depth: Int32Array;
  readonly patterns: number;

  constructor(patterns: readonly string[]) {
    const trie = new TrieBuilder();
    for (const [index, pattern] of patterns.entries()) trie.insert(pattern, index);
    const nodes = trie.output.length;
    this.patterns = patterns.length;
    this.output = Int32Array.from(trie.output);
    this.depth = Int32Array.from(trie.depth);
    this.childStart = new Int32Array(nodes + 1);
    this.childSymbol = new Uint8Array(nodes);
    this.childNode = new Int32Array(nodes);
    this.pack(trie);
    this.fail = new Int32Array(nodes);
    this.outputLink = new Int32Array(nodes).fill(-1);
    this.denseRow = new Int32Array(nodes).fill(-1);
    this.link();
  }

  get nodes(): number {
    return this.output.length;
  }

  /** Lay each node's children side by side. */
  private pack(trie: TrieBuilder): void {
    let edge = 0;
    for (let node = 0; node < this.nodes; node++) {
      this.childStart[node] = edge;
      for (let child = trie.firstChild[node]!; child !== -1; child = trie.nextSibling[child]!) {
        this.childSymbol[edge] = trie.symbol[child]!;
        this.childNode[edge++] = child;
      }
    }
    this.childStart[this.nodes] = edge;
  }

  private childOf(node: number, symbol: number): number {
    for (let edge = this.childStart[node]!, end = this.childStart[node + 1]!; edge < end; edge++) {
      if (this.childSymbol[edge] === symbol) return this.childNode[edge]!;
    }
    return node === 0 ? 0 : -1;
  }

  /** Breadth-first fail links, then dense rows for nodes up to DENSE_DEPTH deep. */
  private link(): void {
    const queue = new Int32Array(this.nodes);
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      for (let edge = this.childStart[node]!; edge < this.childStart[node + 1]!; edge++) {
        const child = this.childNode[edge]!;
        const fallback = node === 0 ? 0 : this.step(this.fail[node]!, this.childSymbol[edge]!);
        this.fail[child] = fallback;
        this.outputLink[child] =
          this.output[fallback] !== -1 ? fallback : this.outputLink[fallback]!;
        queue[tail++] = child;
      }
    }
    this.fillDenseRows(queue);
  }

  /** In breadth-first order a node's fail target already has its row, so rows chain. */
  private fillDenseRows(queue: Int32Array): void {
    let rows = 0;
    while (rows < queue.length && this.depth[queue[rows]!]! <= DENSE_DEPTH) rows++;
    this.dense = new Int32Array(rows * ALPHABET);
    for (let row = 0; row < rows; row++) {
      const node = queue[row]!;
      this.denseRow[node] = row;
      for (let symbol = 0; symbol < ALPHABET; symbol++) {
        const child = this.childOf(node, symbol);
        const fallback =
          node === 0 ? 0 : this.dense[this.denseRow[this.fail[node]!]! * ALPHABET + symbol]!;
        this.dense[row * ALPHABET + symbol] = child > 0 || node === 0 ? child : fallback;
      }
    }
  }

  private step(from: number, symbol: number): number {
    let node = from;
    for (;;) {
      const row = this.denseRow[node]!;
      if (row !== -1) return this.dense[row * ALPHABET + symbol]!;
      const child = this.childOf(node, symbol);
      if (child !== -1) return child;
      node = this.fail[node]!;
    }
  }

  /** Every occurrence of a pattern that begins a token, overlapping ones included. */
  scan(text: FoldedText): AutomatonHit[] {
    const hits: AutomatonHit[] = [];
    const { output, outputLink, depth } = this;
    let node = 0;
    for (let at = 0; at < text.length; at++) {
      node = this.step(node, text.symbols[at]!);
      let found = output[node] !== -1 ? node : outputLink[node]!;
      for (; found !== -1; found = outputLink[found]!) {
        const start = at + 1 - depth[found]!;
        if (text.startsToken[start]) hits.push({ pattern: output[found]!, start, end: at + 1 });
      }
    }
    return hits;
  }
}
