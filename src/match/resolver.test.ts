import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Judgement, JudgementKind } from "../store/index.js";
import { Resolver } from "./resolver.js";

let counter = 0;
function judged(left: string, right: string, judgement: JudgementKind): Judgement {
  counter++;
  return { id: `j${counter}`, left, right, judgement, note: "", user: "ana", at: "" };
}

describe("Resolver", () => {
  it("merges positives transitively under the smallest id", () => {
    const resolver = Resolver.fromJudgements([
      judged("c", "b", "positive"),
      judged("b", "a", "positive"),
      judged("x", "y", "unsure"),
    ]);
    expect(resolver.clusters()).toEqual([["a", "b", "c"]]);
    expect(resolver.canonicalId("c")).toBe("a");
    expect(resolver.referents("b")).toEqual(["a", "b", "c"]);
    expect(resolver.referents("x")).toEqual(["x"]);
    expect(resolver.judgementOf("y", "x")).toBe("unsure");
  });

  it("lets the latest judgement on a pair win", () => {
    const resolver = Resolver.fromJudgements([
      judged("a", "b", "negative"),
      judged("b", "a", "positive"),
      judged("c", "d", "positive"),
      judged("d", "c", "unsure"),
    ]);
    expect(resolver.clusters()).toEqual([["a", "b"]]);
    expect(resolver.areApart("a", "b")).toBe(false);
    expect(resolver.judgementOf("c", "d")).toBe("unsure");
  });

  it("keeps a negative pair apart against transitive positives", () => {
    const merge = judged("b", "c", "positive");
    const resolver = Resolver.fromJudgements([
      judged("a", "c", "negative"),
      judged("a", "b", "positive"),
      merge,
    ]);
    expect(resolver.clusters()).toEqual([["a", "b"]]);
    expect(resolver.conflicts).toEqual([merge]);
    expect(resolver.areApart("b", "c")).toBe(true);
    expect(resolver.negativesBetween("b", "c")).toEqual([["a", "c"]]);
  });

  it("never puts a negative pair into one cluster (property)", () => {
    const ids = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const kinds = fc.constantFrom<JudgementKind>("positive", "negative", "unsure");
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, ids, kinds), { maxLength: 30 }), (rows) => {
        const log = rows.filter(([l, r]) => l !== r).map(([l, r, k]) => judged(l, r, k));
        const resolver = Resolver.fromJudgements(log);
        for (const judgement of log) {
          const kind = resolver.judgementOf(judgement.left, judgement.right);
          const together =
            resolver.canonicalId(judgement.left) === resolver.canonicalId(judgement.right);
          if (kind === "negative") expect(together).toBe(false);
          if (kind === "positive" && !resolver.conflicts.some((c) => c.id === judgement.id)) {
            const latest = log.findLast(
              (j) =>
                (j.left === judgement.left && j.right === judgement.right) ||
                (j.left === judgement.right && j.right === judgement.left),
            );
            if (latest?.id === judgement.id) expect(together).toBe(true);
          }
        }
      }),
    );
  });
});
