import type { Statement } from "../model/index.js";
import type { Atoms } from "./sqlite-atoms.js";

/**
 * A row of the `facts` table: consecutive statements that share entity, schema, dataset,
 * source and locator (the cells of one row, the fields of one list entry), stored once with
 * their `[prop key, value, …]` pairs as JSON.
 */
export interface FactRow {
  id: number;
  entity_id: string;
  schema: number;
  dataset: number;
  source: number;
  locator: string;
  props: string;
}

/**
 * The statements of a fact row, in the order they were loaded, appended to `out`.
 * @example factStatements(row, atoms) // [{ entityId: "ofac-36", prop: "name", … }]
 */
export function factStatements(row: FactRow, atoms: Atoms, out: Statement[] = []): Statement[] {
  const pairs = JSON.parse(row.props) as Array<number | string>;
  const schema = atoms.textOf(row.schema);
  const dataset = atoms.textOf(row.dataset);
  const source = atoms.textOf(row.source);
  for (let index = 0; index < pairs.length; index += 2) {
    out.push({
      entityId: row.entity_id,
      schema,
      prop: atoms.textOf(pairs[index] as number),
      value: pairs[index + 1] as string,
      dataset,
      source,
      locator: row.locator,
    });
  }
  return out;
}
