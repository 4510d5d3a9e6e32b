import type { GraphBuilder } from "./graph-builder.js";
import { EdgeKind } from "./types.js";

type SharedKind =
  | typeof EdgeKind.sharedAddress
  | typeof EdgeKind.sharedPhone
  | typeof EdgeKind.sharedEmail
  | typeof EdgeKind.sharedDirector
  | typeof EdgeKind.sharedAccount;

/** The entity properties whose values a shared-attribute link compares. */
export const sharedProps: Record<number, string[]> = {
  [EdgeKind.sharedAddress]: ["address"],
  [EdgeKind.sharedPhone]: ["phone"],
  [EdgeKind.sharedEmail]: ["email"],
};

/**
 * The comparable form of a shared attribute, or undefined when too short to mean anything.
 * @example sharedKey(EdgeKind.sharedPhone, "+7 (495) 123-45-67") // "4951234567"
 */
export function sharedKey(kind: number, value: string): string | undefined {
  const text = value.normalize("NFKC").toLowerCase().trim();
  if (kind === EdgeKind.sharedPhone) {
    const digits = text.replace(/\D/g, "");
    return digits.length >= 7 ? digits.slice(-10) : undefined;
  }
  if (kind === EdgeKind.sharedAddress) {
    const words = text.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    return words.length >= 8 ? words : undefined;
  }
  return text.includes("@") || kind !== EdgeKind.sharedEmail ? text || undefined : undefined;
}

/**
 * Collects who shares which address, phone, email, director or account, then links every
 * pair of a group. Groups larger than `maxGroup` (registered agents, mass-registration
 * addresses) are skipped and counted: they would link thousands of strangers.
 */
export class SharedGroups {
  private readonly groups = new Map<string, Set<number>>();
  skipped = 0;

  add(kind: SharedKind, key: string | undefined, node: number): void {
    if (key === undefined) return;
    const id = `${kind}\u0000${key}`;
    const members = this.groups.get(id) ?? new Set<number>();
    members.add(node);
    this.groups.set(id, members);
  }

  /** Add one undirected edge per pair (stored once, lower node first). */
  addEdges(builder: GraphBuilder, maxGroup: number): void {
    for (const [id, members] of this.groups) {
      if (members.size < 2) continue;
      if (members.size > maxGroup) {
        this.skipped++;
        continue;
      }
      const separator = id.indexOf("\u0000");
      const kind = Number(id.slice(0, separator)) as SharedKind;
      const ref = builder.addRef(id.slice(separator + 1));
      const nodes = [...members].sort((a, b) => a - b);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          builder.addEdge({ kind, source: nodes[i]!, target: nodes[j]!, ref });
        }
      }
    }
  }
}
