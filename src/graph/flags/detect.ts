import type { Graph } from "../graph.js";
import { edgeSchemas, isDerivedKind, NO_DATE } from "../types.js";
import { restrictedDestinations, transshipmentCountries } from "./catalog.js";
import { roundTrip, sanctionedAfterTrade } from "./detect-trades.js";
import type { FlagFacts, FlagHit } from "./facts.js";

export type Detector = (facts: FlagFacts, graph: Graph) => FlagHit[];

const inHub = (facts: FlagFacts, id: string): boolean =>
  (facts.countries.get(id) ?? []).some((c) => transshipmentCountries.has(c));

/** CHPL goods whose consignee sits in a hub, or routed through one towards Russia/Belarus. */
const chplViaTransshipment: Detector = (facts) =>
  facts.shipments.flatMap((s) => {
    if (!s.tiers.length) return [];
    const routed =
      s.countries.some((c) => restrictedDestinations.has(c)) &&
      s.countries.some((c) => transshipmentCountries.has(c));
    const parties = [...s.receivers, ...(routed ? s.senders : [])];
    return [...new Set(parties.filter((id) => routed || inHub(facts, id)))].map((entity) => ({
      code: "chpl_via_transshipment",
      entity,
      detail: `CHPL tier ${s.tiers.join(", ")} goods in ${s.id} (${s.countries.join(" → ") || "countries of its parties"})`,
      records: [s.id],
      edges: [],
    }));
  });

function firstTrades(facts: FlagFacts): Map<string, [number, string]> {
  const first = new Map<string, [number, string]>();
  const note = (id: string, day: number, record: string) => {
    const known = first.get(id);
    if (day !== NO_DATE && (!known || day < known[0])) first.set(id, [day, record]);
  };
  for (const s of facts.shipments)
    for (const id of [...s.senders, ...s.receivers]) note(id, s.day, s.id);
  for (const p of facts.payments)
    for (const id of [...p.payers, ...p.beneficiaries]) note(id, p.day, p.id);
  return first;
}

const recentlyIncorporated: Detector = (facts) =>
  [...firstTrades(facts)].flatMap(([entity, [day, record]]) => {
    const founded = facts.incorporated.get(entity);
    if (founded === undefined || day - founded < 0 || day - founded >= 365) return [];
    return [
      {
        code: "recently_incorporated",
        entity,
        detail: `incorporated ${day - founded} days before its first trade (${record})`,
        records: [entity, record],
        edges: [],
      },
    ];
  });

const sharedWithSanctioned: Detector = (_facts, graph) => {
  const hits: FlagHit[] = [];
  for (let edge = 0; edge < graph.edgeCount; edge++) {
    if (!isDerivedKind(graph.edgeKind[edge]!)) continue;
    const [a, b] = [graph.edgeSource[edge]!, graph.edgeTarget[edge]!];
    if (graph.sanctioned[a] === graph.sanctioned[b]) continue;
    const [party, listed] = graph.sanctioned[a] ? [b, a] : [a, b];
    hits.push({
      code: "shared_with_sanctioned",
      entity: graph.ids[party]!,
      detail: `${edgeSchemas[graph.edgeKind[edge]!]} "${graph.refOf(edge)}" with listed ${graph.ids[listed]}`,
      records: [],
      edges: [edge],
    });
  }
  return hits;
};

/** Third-party payments to one seller by several payers within a month: a split purchase. */
function splitPayers(hits: Array<FlagHit & { seller: string; day: number }>): Set<FlagHit> {
  const split = new Set<FlagHit>();
  for (const hit of hits) {
    const near = hits.filter(
      (other) =>
        other.seller === hit.seller &&
        other.entity !== hit.entity &&
        Math.abs(other.day - hit.day) <= 30,
    );
    if (near.length) split.add(hit);
  }
  return split;
}

const thirdPartyPayment: Detector = (facts) => {
  const bought = new Set(
    facts.shipments.flatMap((s) => s.receivers.flatMap((r) => s.senders.map((x) => `${r}>${x}`))),
  );
  const sellers = new Set(facts.shipments.flatMap((s) => s.senders));
  const hits = facts.payments.flatMap((p) =>
    p.payers.flatMap((payer) =>
      p.beneficiaries
        .filter((seller) => sellers.has(seller) && !bought.has(`${payer}>${seller}`))
        .map((seller) => ({
          code: "third_party_payment",
          entity: payer,
          detail: `paid ${seller} in ${p.id} without receiving goods from it`,
          records: [p.id],
          edges: [],
          seller,
          day: p.day,
        })),
    ),
  );
  const split = splitPayers(hits);
  return hits.map(({ seller: _seller, day: _day, ...hit }, index) =>
    split.has(hits[index]!)
      ? {
          ...hit,
          severity: 2,
          detail: `${hit.detail}; others paid it within 30 days too (split payment)`,
        }
      : hit,
  );
};

const thirdCountryBank: Detector = (facts) =>
  facts.payments.flatMap((p) => {
    const home = new Set(
      [...p.payers, ...p.beneficiaries].flatMap((id) => facts.countries.get(id) ?? []),
    );
    const foreign = p.payerAccounts.filter((a) => {
      const country = facts.accountCountry.get(a);
      return country !== undefined && home.size > 0 && !home.has(country);
    });
    if (!foreign.length) return [];
    return p.payers.map((entity) => ({
      code: "third_country_bank",
      entity,
      detail: `paid in ${p.id} from an account in ${foreign.map((a) => facts.accountCountry.get(a)).join(", ")}`,
      records: [p.id, ...foreign],
      edges: [],
    }));
  });

const consigneeNotEndUser: Detector = (facts, graph) =>
  facts.shipments.flatMap((s) => {
    const listed = s.holders.filter((id) => graph.sanctioned[graph.nodeOf(id) ?? -1] === 1);
    return s.holders.length
      ? s.receivers
          .filter((r) => !s.holders.includes(r))
          .map((entity) => ({
            code: "consignee_not_end_user",
            entity,
            detail: `consignee of ${s.id}, declared for ${s.holders.join(", ")}${listed.length ? " (listed)" : ""}`,
            records: [s.id],
            edges: [],
            ...(listed.length ? { severity: 2 } : {}),
          }))
      : [];
  });

/** The detectors, one per flag code. */
export const detectors: Array<[string, Detector]> = [
  ["chpl_via_transshipment", chplViaTransshipment],
  ["recently_incorporated", recentlyIncorporated],
  ["shared_with_sanctioned", sharedWithSanctioned],
  ["third_party_payment", thirdPartyPayment],
  ["third_country_bank", thirdCountryBank],
  ["consignee_not_end_user", consigneeNotEndUser],
  ["round_trip", roundTrip],
  ["sanctioned_after_trade", sanctionedAfterTrade],
];
