/**
 * A schema's properties by name, and the order the last fact of it stated them in: the facts
 * of a table state the same properties in the same order, so the property at a place is
 * usually the one there last time, one pointer compared (names are constants), not looked up.
 * Used by the writer (`FactWriter`) and the packer (`FactPacker`), each with its own property.
 * @example const order = new PropertyOrder((name) => ({ name })); order.at(0, "name")
 */
export class PropertyOrder<P extends { readonly name: string }> {
  private readonly byName = new Map<string, P>();
  private readonly order: P[] = [];

  /** `make`: the property `name`, the first time it is met. */
  constructor(private readonly make: (name: string) => P) {}

  /** The property `name`, stated at `place` in its fact. */
  at(place: number, name: string): P {
    const guess = this.order[place];
    if (guess !== undefined && guess.name === name) return guess;
    let property = this.byName.get(name);
    if (!property) {
      property = this.make(name);
      this.byName.set(name, property);
    }
    this.order[place] = property;
    return property;
  }
}
