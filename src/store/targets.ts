/**
 * The sanctioned target a value names, if any: the entity a Sanction points at, or an entity
 * tagged with a sanction topic.
 * @example targetOf("s1", "Sanction", "entity", "c1") // "c1"
 */
export function targetOf(
  entityId: string,
  schema: string,
  prop: string,
  value: string,
): string | undefined {
  if (!mayName(schema, prop)) return undefined;
  if (prop === "entity") return value;
  return /^sanction/i.test(value) ? entityId : undefined;
}

/**
 * Whether values of `prop` of `schema` may name a sanction target (`targetOf`): a packer
 * asks only for those.
 * @example mayName("Sanction", "entity") // true
 */
export function mayName(schema: string, prop: string): boolean {
  return (prop === "entity" && schema === "Sanction") || prop === "topics";
}
