import { type Fact, SanctraceError, type Statement } from "../model/index.js";
import { targetOf } from "./targets.js";

/** Past this many entities the ids are let go: the store counts them where it wrote them. */
const MAX_TRACKED_ENTITIES = 100_000;

/**
 * Counts a dataset load while its statements stream into the store, so that no query has to
 * scan them again afterwards (on the OFAC SDN list that scan cost a tenth of the load), and
 * refuses statements of another dataset.
 * @example const counts = new LoadCounts("us_ofac_sdn"); counts.add(statement); counts.targets // 13821
 */
export class LoadCounts {
  statements = 0;
  private entityIds: Set<string> | undefined = new Set<string>();
  private readonly targetIds = new Set<string>();
  private lastEntityId = "";

  constructor(private readonly dataset: string) {}

  add(statement: Statement): void {
    this.enter(statement);
    this.statements++;
    this.observe(statement.entityId, statement.schema, statement.prop, statement.value);
  }

  /** Count the statements of a fact. */
  addFact(fact: Fact): void {
    this.enter(fact);
    const { values } = fact;
    this.statements += values.length / 2;
    for (let at = 0; at < values.length; at += 2) {
      this.observe(fact.entityId, fact.schema, values[at]!, values[at + 1]!);
    }
  }

  /** Count packed facts by their entity ids; the writer `observe`s the values that may name targets. */
  addPacked(dataset: string, entityIds: readonly string[], statements: number): void {
    for (const entityId of entityIds) this.enter({ dataset, entityId });
    this.statements += statements;
  }

  private enter({ dataset, entityId }: { dataset: string; entityId: string }): void {
    if (dataset !== this.dataset) {
      throw new SanctraceError(
        "store_dataset_mismatch",
        `statement for dataset ${dataset} in a load of ${this.dataset}`,
        entityId,
      );
    }
    // Statements come grouped by entity: skip the set for the same entity again.
    if (entityId !== this.lastEntityId) {
      this.lastEntityId = entityId;
      this.entityIds?.add(entityId);
      // A million row entities would hold a million ids in memory to count them.
      if (this.entityIds && this.entityIds.size > MAX_TRACKED_ENTITIES) this.entityIds = undefined;
    }
  }

  /** Targets a packer found (`targetOf`). */
  addTargets(targets: readonly string[]): void {
    for (const target of targets) this.targetIds.add(target);
  }

  /** A statement that may name a sanction target (`targetOf`). */
  observe(entityId: string, schema: string, prop: string, value: string): void {
    const target = targetOf(entityId, schema, prop, value);
    if (target !== undefined) this.targetIds.add(target);
  }

  /** Distinct entities so far; undefined past `MAX_TRACKED_ENTITIES` (count them in the store). */
  get entities(): number | undefined {
    return this.entityIds?.size;
  }

  get targets(): number {
    return this.targetIds.size;
  }
}
