import type { EntityRecord } from "../model/index.js";
import { NameAutomaton } from "./automaton.js";
import { foldName } from "./fold.js";
import { loadGazetteer } from "./gazetteer.js";
import { stripLegalForm } from "./legal-forms.js";

/** What a folded name stands for: a known entity, or a place of the gazetteer. */
export type NameTarget =
  | { kind: "entity"; id: string; schema: string }
  | { kind: "place"; country: string };

function sameTarget(left: NameTarget, right: NameTarget): boolean {
  if (left.kind === "entity" && right.kind === "entity") return left.id === right.id;
  return left.kind === "place" && right.kind === "place" && left.country === right.country;
}

/** Names shorter than this (folded) match too much prose to be useful. */
const MIN_FOLDED = 4;
const NAME_PROPS = ["name", "alias", "previousName"];
/** Schemata whose names are worth finding in text. */
const NAMED = new Set([
  "LegalEntity",
  "Person",
  "Organization",
  "Company",
  "PublicBody",
  "Vessel",
  "Airplane",
]);

/** The spellings of a name worth matching: as given, without legal form, person names turned. */
export function nameVariants(name: string, schema: string): string[] {
  const variants = [name];
  const stripped = stripLegalForm(name);
  if (stripped) variants.push(stripped);
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (schema === "Person" && comma) variants.push(`${comma[2]} ${comma[1]}`);
  return variants;
}

/** Cyrillic names lose their final vowel so that case endings (России, Москве) still match. */
function stemVariant(name: string): string | undefined {
  const stem = /^(.*\p{Script=Cyrillic}{3,}?)(ия|ья|ь|а|я|й|ы|о)$/u.exec(name.trim());
  return stem?.[1];
}

/**
 * Every known name as one automaton: entity names with their variants and the gazetteer's
 * places, each folded pattern pointing at what it names.
 * @example const lexicon = await buildLexicon(store.iterateEntities()); lexicon.size
 */
export class Lexicon {
  private readonly index = new Map<string, number>();
  readonly patterns: string[] = [];
  readonly targets: NameTarget[][] = [];
  /** Patterns that are stems and need a Cyrillic case ending after them. */
  readonly stems = new Set<number>();
  automaton: NameAutomaton = new NameAutomaton([]);

  add(name: string, target: NameTarget, stem = false): void {
    const folded = foldName(name);
    if (folded.length < MIN_FOLDED || /^\d+$/.test(folded)) return;
    let pattern = this.index.get(folded);
    if (pattern === undefined) {
      pattern = this.patterns.push(folded) - 1;
      this.index.set(folded, pattern);
      this.targets.push([]);
      if (stem) this.stems.add(pattern);
    } else if (!stem) this.stems.delete(pattern);
    const list = this.targets[pattern]!;
    if (!list.some((known) => sameTarget(known, target))) list.push(target);
  }

  addEntity(entity: EntityRecord): void {
    const target: NameTarget = { kind: "entity", id: entity.id, schema: entity.schema };
    for (const prop of NAME_PROPS) {
      for (const name of entity.properties[prop] ?? []) {
        for (const variant of nameVariants(name, entity.schema)) this.add(variant, target);
      }
    }
  }

  addPlaces(): void {
    for (const place of loadGazetteer()) {
      const target: NameTarget = { kind: "place", country: place.country };
      this.add(place.name, target);
      const stem = stemVariant(place.name);
      if (stem) this.add(stem, target, true);
    }
  }

  /** Build the automaton over everything added so far. */
  seal(): this {
    this.automaton = new NameAutomaton(this.patterns);
    return this;
  }

  get size(): number {
    return this.patterns.length;
  }
}

/** True when entities of this schema are named in text (companies, people, vessels …). */
export function isNamedSchema(schema: string): boolean {
  return NAMED.has(schema);
}

/**
 * Build the lexicon from known entities (typically every entity of the store) and the
 * gazetteer.
 * @example const lexicon = await buildLexicon(store.iterateEntities());
 */
export async function buildLexicon(
  entities: Iterable<EntityRecord> | AsyncIterable<EntityRecord>,
  options: { places?: boolean } = {},
): Promise<Lexicon> {
  const lexicon = new Lexicon();
  for await (const entity of entities) {
    if (isNamedSchema(entity.schema)) lexicon.addEntity(entity);
  }
  if (options.places ?? true) lexicon.addPlaces();
  return lexicon.seal();
}
