import { chplTierOf, classifyGoods, normalizeHsCode } from "../goods/index.js";
import { loadResolver } from "../match/index.js";
import { type EntityRecord, isA } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { Graph } from "./graph.js";
import { GraphBuilder } from "./graph-builder.js";
import { SharedGroups, sharedKey } from "./shared-links.js";
import { EdgeKind, type GoodsInfo, parseDay } from "./types.js";

export interface BuildGraphOptions {
  /** Only entities of these datasets (default: all). */
  datasets?: string[];
  /** Add links for shared address, phone, email, director and account (default true). */
  sharedLinks?: boolean;
  /** Merge the members of positively judged clusters into one node (default true). */
  judgements?: boolean;
  /** Skip shared-attribute groups larger than this (default 25). */
  maxSharedGroup?: number;
  onProgress?: (entities: number) => void;
}

interface BuildState {
  builder: GraphBuilder;
  shared: SharedGroups;
  listDatasets: Set<string>;
  goodsCache: Map<string, number>;
  accountHolders: Array<[number, string]>;
}

/**
 * A number from a customs or payment amount (`1,234.50`, `1 234,50`, `25%`), or NaN.
 * @example parseAmount("1 234,50") // 1234.5
 */
export function parseAmount(text: string | undefined): number {
  if (!text) return Number.NaN;
  let digits = text.replace(/[^\d.,-]/g, "");
  if (/,\d{1,2}$/.test(digits) && !/\.\d/.test(digits)) digits = digits.replace(",", ".");
  return Number.parseFloat(digits.replace(/,/g, ""));
}

function first(entity: EntityRecord, ...props: string[]): string | undefined {
  for (const prop of props) {
    const value = entity.properties[prop]?.[0];
    if (value) return value;
  }
  return undefined;
}

function values(entity: EntityRecord, prop: string): string[] {
  return entity.properties[prop] ?? [];
}

/** Intern the goods of a customs declaration with their tiers and battlefield categories. */
function goodsOf(state: BuildState, entity: EntityRecord): number {
  const codes = [...new Set(values(entity, "vedCode").flatMap((v) => normalizeHsCode(v) ?? []))];
  const description = values(entity, "goodsDescription").join("; ");
  if (!codes.length && !description) return -1;
  const key = `${codes.join(",")}\u0000${description}`;
  const cached = state.goodsCache.get(key);
  if (cached !== undefined) return cached;
  const classified = (codes.length ? codes : [undefined]).map((hs) =>
    classifyGoods(description, hs ? { hs } : {}),
  );
  const goods: GoodsInfo = {
    codes,
    description,
    chplTiers: [...new Set(codes.flatMap((code) => chplTierOf(code) ?? []))],
    categories: [...new Set(classified.flatMap((c) => c.categories.map((m) => m.category)))],
    battlefield: classified.some((c) => c.battlefield),
  };
  const number = state.builder.addGoods(goods);
  state.goodsCache.set(key, number);
  return number;
}

function addLinks(
  state: BuildState,
  kind: EdgeKind,
  link: EntityRecord,
  ends: [string[], string[]],
  extra: { date?: number; value?: number; goods?: number } = {},
): void {
  const { builder } = state;
  const ref = builder.addRef(link.id);
  for (const from of ends[0]) {
    for (const to of ends[1]) {
      if (from === to) continue;
      builder.addEdge({
        kind,
        source: builder.node(from),
        target: builder.node(to),
        ref,
        ...extra,
      });
    }
  }
}

function addShipment(state: BuildState, entity: EntityRecord): void {
  const receivers = values(entity, "receiver");
  addLinks(
    state,
    EdgeKind.shipment,
    entity,
    [values(entity, "sender"), receivers.length ? receivers : values(entity, "declarant")],
    {
      date: parseDay(first(entity, "date", "startDate")),
      value: parseAmount(first(entity, "customsAmount", "invoiceAmount")),
      goods: goodsOf(state, entity),
    },
  );
}

function addPayment(state: BuildState, entity: EntityRecord): void {
  const { builder, shared } = state;
  addLinks(
    state,
    EdgeKind.payment,
    entity,
    [values(entity, "payer"), values(entity, "beneficiary")],
    {
      date: parseDay(first(entity, "date", "startDate")),
      value: parseAmount(first(entity, "amount", "amountUsd", "amountEur")),
    },
  );
  for (const [party, account] of [
    ["payer", "payerAccount"],
    ["beneficiary", "beneficiaryAccount"],
  ]) {
    for (const holder of values(entity, party!)) {
      for (const id of values(entity, account!)) {
        shared.add(EdgeKind.sharedAccount, id, builder.node(holder));
      }
    }
  }
}

function addOwnership(state: BuildState, entity: EntityRecord): void {
  const owners = values(entity, "owner");
  const assets = values(entity, "asset");
  addLinks(state, EdgeKind.ownership, entity, [owners, assets], {
    value: parseAmount(first(entity, "percentage")),
    date: parseDay(first(entity, "startDate", "date")),
  });
  for (const owner of owners) {
    for (const asset of assets) {
      state.accountHolders.push([state.builder.node(owner), asset]);
    }
  }
}

function addDirectorship(state: BuildState, entity: EntityRecord): void {
  const directors = values(entity, "director");
  const organizations = values(entity, "organization");
  addLinks(state, EdgeKind.directorship, entity, [directors, organizations]);
  for (const director of directors) {
    for (const organization of organizations) {
      state.shared.add(EdgeKind.sharedDirector, director, state.builder.node(organization));
    }
  }
}

function addSanction(state: BuildState, entity: EntityRecord): void {
  if (!entity.datasets.some((dataset) => state.listDatasets.has(dataset))) return;
  for (const target of values(entity, "entity")) {
    state.builder.markSanctioned(state.builder.node(target), entity.id);
  }
}

function addParty(state: BuildState, entity: EntityRecord): void {
  const { builder, shared } = state;
  const node = builder.node(entity.id);
  builder.setSchema(node, entity.schema);
  for (const prop of ["country", "jurisdiction", "mainCountry"]) {
    for (const country of values(entity, prop)) builder.addCountry(node, country);
  }
  const listed = entity.datasets.some((dataset) => state.listDatasets.has(dataset));
  if (listed && values(entity, "topics").some((topic) => topic.startsWith("sanction"))) {
    builder.markSanctioned(node, `topics:${entity.id}`);
  }
  for (const [kind, prop] of [
    [EdgeKind.sharedAddress, "address"],
    [EdgeKind.sharedPhone, "phone"],
    [EdgeKind.sharedEmail, "email"],
  ] as const) {
    for (const value of values(entity, prop)) shared.add(kind, sharedKey(kind, value), node);
  }
}

const handlers: Array<[string, (state: BuildState, entity: EntityRecord) => void]> = [
  ["EconomicActivity", addShipment],
  ["Payment", addPayment],
  ["Ownership", addOwnership],
  ["Directorship", addDirectorship],
  [
    "UnknownLink",
    (state, entity) =>
      addLinks(state, EdgeKind.unknownLink, entity, [
        values(entity, "subject"),
        values(entity, "object"),
      ]),
  ],
  ["Sanction", addSanction],
];

/**
 * Build the multigraph from the store in one pass over its entities: shipments, payments,
 * ownership, directorships and unknown links become edges, Sanction entities of list
 * datasets mark their targets, and shared attributes become derived links. Entities an analyst
 * judged to be the same are one node, named by the cluster's canonical id.
 * @example const graph = await buildGraph(store); graph.edgeCount;
 */
export async function buildGraph(store: Store, options: BuildGraphOptions = {}): Promise<Graph> {
  const datasets = await store.listDatasets();
  const resolver = options.judgements === false ? undefined : await loadResolver(store);
  const state: BuildState = {
    builder: new GraphBuilder(resolver && ((id) => resolver.canonicalId(id))),
    shared: new SharedGroups(),
    listDatasets: new Set(datasets.filter((d) => d.kind === "list").map((d) => d.name)),
    goodsCache: new Map(),
    accountHolders: [],
  };
  let seen = 0;
  const query = options.datasets ? { datasets: options.datasets } : {};
  for await (const entity of store.iterateEntities(query)) {
    const handler = handlers.find(([schema]) => isA(entity.schema, schema))?.[1] ?? addParty;
    handler(state, entity);
    if (++seen % 10_000 === 0) options.onProgress?.(seen);
  }
  for (const [holder, asset] of state.accountHolders) {
    if (state.builder.schemaOf(state.builder.node(asset)) === "BankAccount") {
      state.shared.add(EdgeKind.sharedAccount, asset, holder);
    }
  }
  if (options.sharedLinks !== false)
    state.shared.addEdges(state.builder, options.maxSharedGroup ?? 25);
  return state.builder.build();
}
