import type { Provenance } from "../../model/index.js";
import type { EvidenceReader } from "../evidence.js";
import type { Graph } from "../graph.js";
import { flagCatalog, flagSources } from "./catalog.js";
import { detectors } from "./detect.js";
import type { FlagFacts, FlagHit } from "./facts.js";

export {
  type FlagDefinition,
  type FlagSource,
  flagCatalog,
  flagSources,
  restrictedDestinations,
  transshipmentCountries,
} from "./catalog.js";
export { collectFlagFacts, type FlagFacts, type FlagHit } from "./facts.js";

/** A red flag as shown to the analyst: what, why, where it is documented, and its evidence. */
export interface RedFlag {
  code: string;
  title: string;
  entity: string;
  detail: string;
  explanation: string;
  sources: Array<{ title: string; date: string; url: string }>;
  evidence: Provenance[];
}

/**
 * Run every red-flag detector over the facts and the graph.
 * @example detectFlags(await collectFlagFacts(store), graph).filter((hit) => hit.code === "round_trip")
 */
export function detectFlags(facts: FlagFacts, graph: Graph): FlagHit[] {
  return detectors.flatMap(([, detect]) => detect(facts, graph));
}

function uniqueProvenance(items: Provenance[]): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const { dataset, source, locator } of items)
    seen.set(`${dataset}\u0000${source}\u0000${locator}`, { dataset, source, locator });
  return [...seen.values()];
}

/**
 * Attach the explanation, the public sources and the statements' provenance to a flag hit.
 * @example const flag = await citeFlag(hit, new EvidenceReader(store, graph)); flag.evidence[0].locator
 */
export async function citeFlag(hit: FlagHit, reader: EvidenceReader): Promise<RedFlag> {
  const definition = flagCatalog[hit.code]!;
  const records = await Promise.all(hit.records.map((id) => reader.statements(id)));
  const edges = await Promise.all(hit.edges.map((edge) => reader.edgeEvidence(edge)));
  return {
    code: hit.code,
    title: definition.title,
    entity: hit.entity,
    detail: hit.detail,
    explanation: definition.explanation,
    sources: definition.sources.map((id) => {
      const { title, date, url } = flagSources[id]!;
      return { title, date, url };
    }),
    evidence: uniqueProvenance([...records.flat(), ...edges.flat()]),
  };
}
