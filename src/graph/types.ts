import type { ChplTier } from "../goods/index.js";

/** Edge kinds, stored as one byte per edge. */
export const EdgeKind = {
  shipment: 0,
  payment: 1,
  ownership: 2,
  directorship: 3,
  unknownLink: 4,
  sharedAddress: 5,
  sharedPhone: 6,
  sharedEmail: 7,
  sharedDirector: 8,
  sharedAccount: 9,
} as const;
export type EdgeKind = (typeof EdgeKind)[keyof typeof EdgeKind];
export const edgeKindCount = 10;

/** The FtM schema of the entity an edge stands for; derived links name what they share. */
export const edgeSchemas: readonly string[] = [
  "EconomicActivity",
  "Payment",
  "Ownership",
  "Directorship",
  "UnknownLink",
  "SharedAddress",
  "SharedPhone",
  "SharedEmail",
  "SharedDirector",
  "SharedAccount",
];

/**
 * True for links derived from a shared attribute rather than stated by an entity.
 * @example isDerivedKind(EdgeKind.sharedAddress) // true
 */
export function isDerivedKind(kind: number): boolean {
  return kind >= EdgeKind.sharedAddress;
}

/**
 * Kinds with a date that orders a chain: goods and money moving.
 * @example isDatedKind(EdgeKind.payment) // true
 */
export function isDatedKind(kind: number): boolean {
  return kind === EdgeKind.shipment || kind === EdgeKind.payment;
}

/** Sentinel for "no date" in the Int32 day arrays. */
export const NO_DATE = -2147483648;

/** Goods carried by a shipment, interned: many shipments share one entry. */
export interface GoodsInfo {
  /** HS codes, digits only. */
  codes: string[];
  description: string;
  chplTiers: ChplTier[];
  categories: string[];
  battlefield: boolean;
}

const dayMs = 86_400_000;

/**
 * Days since 1970-01-01 of an FtM date (`2023-05-01`, `2023-05`, `2023`, or a timestamp),
 * or NO_DATE when it is not one.
 * @example parseDay("1970-01-02") // 1
 */
export function parseDay(text: string | undefined): number {
  const match = text?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!match) return NO_DATE;
  const time = Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1));
  return Number.isNaN(time) ? NO_DATE : Math.floor(time / dayMs);
}

/**
 * The ISO date of a day number, or undefined for NO_DATE.
 * @example formatDay(1) // "1970-01-02"
 */
export function formatDay(day: number): string | undefined {
  return day === NO_DATE ? undefined : new Date(day * dayMs).toISOString().slice(0, 10);
}
