import { type ChplTier, chplTierOf, normalizeHsCode } from "../../goods/index.js";
import { type EntityRecord, isA } from "../../model/index.js";
import type { Store } from "../../store/index.js";
import { NO_DATE, parseDay } from "../types.js";

/** One red flag raised on one entity, with the records (and derived links) it rests on. */
export interface FlagHit {
  code: string;
  entity: string;
  /** What was seen, in one sentence. */
  detail: string;
  /** Ids of the records (shipments, payments, register entries) whose statements are evidence. */
  records: string[];
  /** Derived graph edges (shared attributes) that are evidence. */
  edges: number[];
  /** How much stronger than usual this instance is (2: it involves a listed party, or repeats). */
  severity?: number;
}

/** A customs declaration as the red flags read it. */
export interface ShipmentFact {
  id: string;
  senders: string[];
  receivers: string[];
  /** Contract holders: the declared buyer and end-user. */
  holders: string[];
  day: number;
  /** Origin, departure, trading and destination countries, lower-case ISO codes. */
  countries: string[];
  tiers: ChplTier[];
}

export interface PaymentFact {
  id: string;
  payers: string[];
  beneficiaries: string[];
  day: number;
  payerAccounts: string[];
}

/** What the red flags need beyond the graph: dates, countries, accounts, listing dates. */
export interface FlagFacts {
  countries: Map<string, string[]>;
  incorporated: Map<string, number>;
  /** Earliest listing day of each sanctioned entity (list datasets only). */
  listed: Map<string, number>;
  accountCountry: Map<string, string>;
  shipments: ShipmentFact[];
  payments: PaymentFact[];
}

const values = (entity: EntityRecord, ...props: string[]): string[] =>
  props.flatMap((prop) => entity.properties[prop] ?? []);

/** The earliest date among the properties, or NO_DATE. */
function firstDay(entity: EntityRecord, ...props: string[]): number {
  const days = values(entity, ...props)
    .map(parseDay)
    .filter((day) => day !== NO_DATE);
  return days.length ? Math.min(...days) : NO_DATE;
}

function addShipment(facts: FlagFacts, entity: EntityRecord): void {
  const codes = values(entity, "vedCode").flatMap((code) => normalizeHsCode(code) ?? []);
  facts.shipments.push({
    id: entity.id,
    senders: values(entity, "sender"),
    receivers: values(entity, "receiver"),
    holders: values(entity, "contractHolder"),
    day: firstDay(entity, "date", "startDate"),
    countries: values(
      entity,
      "originCountry",
      "departureCountry",
      "tradingCountry",
      "destinationCountry",
    ).map((c) => c.toLowerCase()),
    tiers: [...new Set(codes.flatMap((code) => chplTierOf(code) ?? []))],
  });
}

function addPayment(facts: FlagFacts, entity: EntityRecord): void {
  facts.payments.push({
    id: entity.id,
    payers: values(entity, "payer"),
    beneficiaries: values(entity, "beneficiary"),
    day: firstDay(entity, "date", "startDate"),
    payerAccounts: values(entity, "payerAccount"),
  });
}

function addRecord(facts: FlagFacts, entity: EntityRecord, lists: Set<string>): void {
  if (isA(entity.schema, "EconomicActivity")) addShipment(facts, entity);
  else if (isA(entity.schema, "Payment")) addPayment(facts, entity);
  else if (isA(entity.schema, "Sanction")) addListing(facts, entity, lists);
  else addParty(facts, entity);
}

function addListing(facts: FlagFacts, entity: EntityRecord, lists: Set<string>): void {
  if (!entity.datasets.some((dataset) => lists.has(dataset))) return;
  const day = firstDay(entity, "listingDate", "startDate", "date");
  for (const target of values(entity, "entity")) {
    const known = facts.listed.get(target);
    if (day !== NO_DATE && (known === undefined || day < known)) facts.listed.set(target, day);
  }
}

function addParty(facts: FlagFacts, entity: EntityRecord): void {
  const countries = values(entity, "country", "jurisdiction").map((c) => c.toLowerCase());
  if (isA(entity.schema, "BankAccount") && countries[0])
    facts.accountCountry.set(entity.id, countries[0]);
  if (!isA(entity.schema, "LegalEntity")) return;
  if (countries.length) facts.countries.set(entity.id, countries);
  const founded = firstDay(entity, "incorporationDate");
  if (founded !== NO_DATE) facts.incorporated.set(entity.id, founded);
}

/**
 * Read what the red flags need from the store in one pass over its entities.
 * @example const facts = await collectFlagFacts(store); facts.shipments.length
 */
export async function collectFlagFacts(store: Store): Promise<FlagFacts> {
  const lists = new Set(
    (await store.listDatasets()).filter((d) => d.kind === "list").map((d) => d.name),
  );
  const facts: FlagFacts = {
    countries: new Map(),
    incorporated: new Map(),
    listed: new Map(),
    accountCountry: new Map(),
    shipments: [],
    payments: [],
  };
  for await (const entity of store.iterateEntities()) addRecord(facts, entity, lists);
  return facts;
}
