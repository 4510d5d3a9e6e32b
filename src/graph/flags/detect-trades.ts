import type { Graph } from "../graph.js";
import { NO_DATE } from "../types.js";
import type { FlagFacts, FlagHit } from "./facts.js";

interface Move {
  from: string;
  to: string;
  record: string;
  day: number;
}

function moves(facts: FlagFacts): { goods: Move[]; money: Move[] } {
  const goods = facts.shipments.flatMap((s) =>
    s.senders.flatMap((from) => s.receivers.map((to) => ({ from, to, record: s.id, day: s.day }))),
  );
  const money = facts.payments.flatMap((p) =>
    p.payers.flatMap((from) =>
      p.beneficiaries.map((to) => ({ from, to, record: p.id, day: p.day })),
    ),
  );
  return { goods, money };
}

/** Cycles of two or three moves of one kind (goods or money) that return to where they began. */
function cycles(list: Move[]): Move[][] {
  const out = new Map<string, Move[]>();
  for (const move of list) out.set(move.from, [...(out.get(move.from) ?? []), move]);
  const found: Move[][] = [];
  for (const first of list) {
    for (const second of out.get(first.to) ?? []) {
      if (second.to === first.from && first.from < first.to) found.push([first, second]);
      for (const third of out.get(second.to) ?? []) {
        const ring = [first.from, second.from, third.from];
        const smallest = ring.every((id) => first.from <= id);
        if (third.to === first.from && new Set(ring).size === 3 && smallest)
          found.push([first, second, third]);
      }
    }
  }
  return found;
}

/**
 * Goods or money that leave a party and come back to it.
 * @example roundTrip(facts, graph).map((hit) => hit.entity)
 */
export function roundTrip(facts: FlagFacts): FlagHit[] {
  const { goods, money } = moves(facts);
  return [...cycles(goods), ...cycles(money)].flatMap((ring) =>
    ring.map((move) => ({
      code: "round_trip",
      entity: move.from,
      detail: `${ring.map((m) => m.from).join(" → ")} → ${ring[0]!.from} (${ring.map((m) => m.record).join(", ")})`,
      records: ring.map((m) => m.record),
      edges: [],
    })),
  );
}

/**
 * Parties that traded with a counterparty before it was listed.
 * @example sanctionedAfterTrade(facts, graph).map((hit) => hit.entity)
 */
export function sanctionedAfterTrade(facts: FlagFacts, graph: Graph): FlagHit[] {
  const { goods, money } = moves(facts);
  const hits: FlagHit[] = [];
  for (const move of [...goods, ...money]) {
    for (const [party, counterpart] of [
      [move.from, move.to],
      [move.to, move.from],
    ] as const) {
      const listedOn = facts.listed.get(counterpart);
      const node = graph.nodeOf(party);
      if (listedOn === undefined || move.day === NO_DATE || move.day >= listedOn) continue;
      if (node !== undefined && graph.sanctioned[node]) continue;
      hits.push({
        code: "sanctioned_after_trade",
        entity: party,
        detail: `traded with ${counterpart} in ${move.record}, before its listing`,
        records: [move.record],
        edges: [],
      });
    }
  }
  return hits;
}
