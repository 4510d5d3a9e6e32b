import type { Provenance, Statement } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { Graph } from "./graph.js";
import { sharedKey, sharedProps } from "./shared-links.js";
import { EdgeKind } from "./types.js";

/** Fetches statements once per entity while a result is being explained. */
export class EvidenceReader {
  private readonly cache = new Map<string, Promise<Statement[]>>();

  constructor(
    readonly store: Store,
    readonly graph: Graph,
  ) {}

  statements(entityId: string): Promise<Statement[]> {
    let found = this.cache.get(entityId);
    if (!found) {
      found = this.store.getStatements(entityId);
      this.cache.set(entityId, found);
    }
    return found;
  }

  /**
   * The statements an edge rests on, as unique (dataset, source, locator) triples: the link
   * entity's own statements, or for a derived link the statements of the shared attribute on
   * both sides (for a shared director or account, the links to it).
   */
  async edgeEvidence(edge: number): Promise<Provenance[]> {
    const kind = this.graph.edgeKind[edge]!;
    const ref = this.graph.refOf(edge);
    if (ref === undefined) return [];
    if (kind === EdgeKind.sharedDirector)
      return this.linksBetween(ref, edge, EdgeKind.directorship);
    if (kind === EdgeKind.sharedAccount) return this.accountLinks(ref, edge);
    if (kind in sharedProps) return this.sharedValues(edge, kind, ref);
    return unique(await this.statements(ref));
  }

  private endpoints(edge: number): string[] {
    const { graph } = this;
    return [graph.ids[graph.edgeSource[edge]!]!, graph.ids[graph.edgeTarget[edge]!]!];
  }

  private async sharedValues(edge: number, kind: number, key: string): Promise<Provenance[]> {
    const props = sharedProps[kind]!;
    const statements = (
      await Promise.all(this.endpoints(edge).map((id) => this.statements(id)))
    ).flat();
    return unique(
      statements.filter((s) => props.includes(s.prop) && sharedKey(kind, s.value) === key),
    );
  }

  /** Statements of the `kind` links from `hub` (a director) to either end of `edge`. */
  private async linksBetween(hub: string, edge: number, kind: number): Promise<Provenance[]> {
    const { graph } = this;
    const node = graph.nodeOf(hub);
    if (node === undefined) return [];
    const ends = new Set([graph.edgeSource[edge]!, graph.edgeTarget[edge]!]);
    const refs: string[] = [];
    for (let i = graph.out.offsets[node]!; i < graph.out.offsets[node + 1]!; i++) {
      const link = graph.out.edges[i]!;
      if (graph.edgeKind[link] === kind && ends.has(graph.edgeTarget[link]!))
        refs.push(graph.refOf(link)!);
    }
    return unique((await Promise.all(refs.map((ref) => this.statements(ref)))).flat());
  }

  /** Statements of the payments and holdings that tie either end of `edge` to the account. */
  private async accountLinks(account: string, edge: number): Promise<Provenance[]> {
    const ends = new Set(this.endpoints(edge));
    const linkIds = [...new Set((await this.store.getReferences(account)).map((s) => s.entityId))];
    const links = await Promise.all(linkIds.map((id) => this.statements(id)));
    const relevant = links.filter((statements) => statements.some((s) => ends.has(s.value)));
    return unique(relevant.flat());
  }
}

function unique(statements: Statement[]): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const { dataset, source, locator } of statements) {
    const key = `${dataset}\u0000${source}\u0000${locator}`;
    if (!seen.has(key)) seen.set(key, { dataset, source, locator });
  }
  return [...seen.values()];
}
