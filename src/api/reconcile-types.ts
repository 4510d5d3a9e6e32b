import { model } from "../model/index.js";
import type { ReconcileType } from "./types.js";

/** The schemata OpenRefine may reconcile against: parties, vessels and aircraft. */
export function matchableTypes(): ReconcileType[] {
  return Object.values(model.schemata)
    .filter((schema) => schema !== undefined)
    .filter((schema) => schema.matchable && !schema.abstract)
    .filter((schema) => ["LegalEntity", "Vessel", "Airplane"].some((parent) => schema.isA(parent)))
    .map((schema) => ({ id: schema.name, name: schema.label }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
