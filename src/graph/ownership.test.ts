import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessOwnership, EdgeKind, type Graph, GraphBuilder } from "./index.js";

type Stake = [owner: string, asset: string, percentage: number];

/** A graph of stakes (and directorships) straight through the builder. */
function ownershipGraph(
  stakes: Stake[],
  listed: string[],
  directors: Array<[string, string]> = [],
): Graph {
  const builder = new GraphBuilder();
  stakes.forEach(([owner, asset, percentage], index) => {
    const ref = builder.addRef(`own-${index + 1}`);
    builder.addEdge({
      kind: EdgeKind.ownership,
      source: builder.node(owner),
      target: builder.node(asset),
      value: percentage,
      ref,
    });
  });
  directors.forEach(([director, organization], index) => {
    const ref = builder.addRef(`dir-${index + 1}`);
    builder.addEdge({
      kind: EdgeKind.directorship,
      source: builder.node(director),
      target: builder.node(organization),
      ref,
    });
  });
  for (const id of listed) builder.markSanctioned(builder.node(id), `sanction-${id}`);
  return builder.build();
}

const verdict = (graph: Graph, id: string) => {
  const report = assessOwnership(graph, id);
  return [
    report.aggregate_sanctioned_percentage,
    report.blocked_by_ownership,
    report.eu_uk.owned_or_controlled,
  ];
};

describe("ownership: OFAC/BIS 50% rule and EU/UK owned or controlled", () => {
  it("does not block just below 50% and blocks at 50%", () => {
    const graph = ownershipGraph(
      [
        ["s1", "below", 49.9],
        ["s1", "at", 50],
        ["s1", "above", 50.1],
      ],
      ["s1"],
    );
    expect(verdict(graph, "below")).toEqual([49.9, false, false]);
    expect(verdict(graph, "at")).toEqual([50, true, false]);
    expect(verdict(graph, "above")).toEqual([50.1, true, true]);
  });

  it("aggregates several sanctioned owners (OFAC) but not for EU/UK", () => {
    const graph = ownershipGraph(
      [
        ["s1", "t", 25],
        ["s2", "t", 25],
        ["clean", "t", 50],
      ],
      ["s1", "s2"],
    );
    expect(assessOwnership(graph, "t")).toEqual({
      id: "t",
      sanctioned: false,
      aggregate_sanctioned_percentage: 50,
      blocked_by_ownership: true,
      owners: [
        {
          id: "clean",
          effective_percentage: 50,
          sanctioned: false,
          chain: ["clean", "t"],
          chains: [{ nodes: ["clean", "t"], percentage: 50, arithmetic: "50% direct" }],
        },
        {
          id: "s1",
          effective_percentage: 25,
          sanctioned: true,
          chain: ["s1", "t"],
          chains: [{ nodes: ["s1", "t"], percentage: 25, arithmetic: "25% direct" }],
        },
        {
          id: "s2",
          effective_percentage: 25,
          sanctioned: true,
          chain: ["s2", "t"],
          chains: [{ nodes: ["s2", "t"], percentage: 25, arithmetic: "25% direct" }],
        },
      ],
      ofac: {
        rule: "OFAC/BIS 50% rule: blocked persons' ownership, aggregated, ≥ 50%",
        holdings: [
          {
            owner: "s1",
            percentage: 25,
            status: "sanctioned",
            chain: ["s1", "t"],
            links: ["own-1"],
          },
          {
            owner: "s2",
            percentage: 25,
            status: "sanctioned",
            chain: ["s2", "t"],
            links: ["own-2"],
          },
        ],
        arithmetic: ["t: 25% (s1, sanctioned) + 25% (s2, sanctioned) = 50% ≥ 50%: blocked"],
      },
      eu_uk: {
        rule: "EU/UK owned (> 50% by one designated person) or controlled",
        owned_or_controlled: false,
        basis: [],
      },
    });
  });

  it("follows indirect chains: 60% of a 90%-held company", () => {
    const graph = ownershipGraph(
      [
        ["s1", "mid", 90],
        ["mid", "t", 60],
      ],
      ["s1"],
    );
    const report = assessOwnership(graph, "t");
    expect(
      report.owners.map((o) => [o.id, o.effective_percentage, o.chains.map((c) => c.arithmetic)]),
    ).toEqual([
      ["mid", 60, ["60% direct"]],
      ["s1", 54, ["90% × 60% = 54%"]],
    ]);
    expect(report.ofac).toMatchObject({
      holdings: [
        { owner: "mid", percentage: 60, status: "blocked_by_ownership", chain: ["s1", "mid", "t"] },
      ],
      arithmetic: [
        "mid blocked: 90% held by blocked owners ≥ 50%",
        "t: 60% (mid, blocked_by_ownership) = 60% ≥ 50%: blocked",
      ],
    });
    expect(report.eu_uk.basis).toEqual([
      {
        by: "s1",
        kind: "ownership",
        chain: ["s1", "mid", "t"],
        arithmetic: "mid holds 60% of t > 50%",
      },
      {
        by: "s1",
        kind: "ownership",
        chain: ["s1", "mid", "t"],
        arithmetic: "90% × 60% = 54% → 54% > 50%",
      },
    ]);
  });

  it("blocks 50% of a 50%-owned company (OFAC) though the product is 25%", () => {
    const graph = ownershipGraph(
      [
        ["s1", "a", 50],
        ["a", "b", 50],
      ],
      ["s1"],
    );
    expect(verdict(graph, "b")).toEqual([50, true, false]);
    expect(
      assessOwnership(graph, "b").owners.find((o) => o.id === "s1")?.effective_percentage,
    ).toBe(25);
  });

  it("counts a stake stated twice once, and survives cycles", () => {
    const duplicated = ownershipGraph(
      [
        ["s1", "t", 25],
        ["s1", "t", 25],
      ],
      ["s1"],
    );
    expect(verdict(duplicated, "t")).toEqual([25, false, false]);
    const cycle = ownershipGraph(
      [
        ["c1", "c2", 60],
        ["c2", "c1", 60],
        ["s1", "c1", 30],
      ],
      ["s1"],
    );
    expect(verdict(cycle, "c2")).toEqual([0, false, false]);
    expect(assessOwnership(cycle, "c2").owners.map((o) => [o.id, o.effective_percentage])).toEqual([
      ["c1", 60],
      ["s1", 18],
    ]);
  });

  it("reports control by a sanctioned director for EU/UK only", () => {
    const graph = ownershipGraph([["s1", "t", 10]], ["s1"], [["s1", "t"]]);
    expect(verdict(graph, "t")).toEqual([10, false, true]);
    expect(assessOwnership(graph, "t").eu_uk.basis).toEqual([
      { by: "s1", kind: "control", chain: ["s1", "t"], arithmetic: "s1 directs t (dir-1)" },
    ]);
  });

  it("sums multiplied chains like a brute-force walk over random ownership DAGs", () => {
    const stakes = fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 100 })), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(stakes, (raw) => {
        // Edges only from higher to lower numbers make a DAG; one stake per pair.
        const unique = new Map<string, Stake>();
        for (const [a, b, p] of raw) if (a > b) unique.set(`${a}-${b}`, [`n${a}`, `n${b}`, p]);
        const list = [...unique.values()];
        const graph = ownershipGraph(list, []);
        if (graph.nodeOf("n0") === undefined) return;
        const expected = new Map<string, number>();
        const walk = (asset: string, product: number) => {
          for (const [owner, target, p] of list) {
            if (target !== asset) continue;
            expected.set(owner, (expected.get(owner) ?? 0) + (product * p) / 100);
            walk(owner, (product * p) / 100);
          }
        };
        walk("n0", 100);
        const got = assessOwnership(graph, "n0").owners;
        expect(Object.fromEntries(got.map((o) => [o.id, o.effective_percentage]))).toEqual(
          Object.fromEntries([...expected].map(([id, v]) => [id, Math.round(v * 10_000) / 10_000])),
        );
      }),
    );
  });
});
