import {
  type Fact,
  model,
  propertyType,
  type ReferenceToken,
  SanctraceError,
} from "../model/index.js";
import { MAX_NUMBERED_VALUES } from "./posting-lists.js";
import { PropertyOrder } from "./property-order.js";
import { mayName, targetOf } from "./targets.js";

/** What a packer needs from the store, taken in the middle of a load (`Store.factPacking`). */
export interface FactPacking {
  /** Every FtM property's atom key. */
  keys: Record<string, number>;
  /** The id the next fact of the load gets. */
  firstId: number;
}

/**
 * Facts packed for the SQLite writer, one column per field: what a worker thread prepares so
 * that it posts few, flat things (a column of strings is one string) and the thread holding
 * the database only inserts, or also writes the props JSON (`PackedColumns`), whichever thread
 * has the time. Property keys are those `Store.factPacking` gave; entity ids referred to are
 * numbered, so the writer hashes no string for them.
 */
export type PackedFacts = PackedJson | PackedColumns;

interface PackedBase {
  dataset: string;
  /** Id of the first fact; the others follow in order. */
  firstId: number;
  source: string;
  /** The facts' entity ids, joined by NUL (`COLUMN_SEPARATOR`). */
  entityIds: string;
  /** Per fact: its schema's place in `schemata`. */
  schemas: Uint16Array;
  schemata: string[];
  /** The facts' locators, joined by NUL. */
  locators: string;
  /** The values the facts state. */
  statements: number;
  /**
   * The ids first referred to in this pack, numbered on from those of the packs before, or
   * from 0 when `restartReferences` (past `MAX_NUMBERED_VALUES`, to bound memory).
   */
  referenceValues: string[];
  restartReferences: boolean;
}

/** Facts with their props JSON written, and what of their values goes to the side tables. */
export interface PackedJson extends PackedBase {
  form: "json";
  /** The facts' JSON `[prop key, value, …]` (the `facts.props` column), joined by NUL. */
  props: string;
  /** Per entity reference: the fact's index in the pack, the number of the id referred to. */
  references: Int32Array;
  /** Per identifier: the fact's index in the pack and the prop key; its value in `identifierValues`. */
  identifiers: Int32Array;
  /** The identifiers' values, as a JSON array. */
  identifierValues: string;
  /** Sanction targets the facts name (see `LoadCounts`). */
  targets: string[];
}

/** Facts with their values in columns: the writer writes the props JSON. */
export interface PackedColumns extends PackedBase {
  form: "columns";
  /** Per fact: how many values it states. */
  sizes: Int32Array;
  /** Per value, in the facts' order: its property's key. */
  keys: Int32Array;
  /**
   * Per value: its length in `values`; for an entity reference, -1 - the number of the id
   * it names (see `referenceValues`).
   */
  lengths: Int32Array;
  /**
   * The values that are not entity references, one after the other, each as it stands
   * between the quotes of its JSON string (what props hold).
   */
  values: string;
  /** Ascending: the places (in `keys`) of the values that JSON escapes (few, if any). */
  escaped: Int32Array;
}

/** Which thread writes the props JSON: the packer's (`json`) or the writer's (`columns`). */
export type PackForm = PackedFacts["form"];

/** The number of the id a reference value names (`PackedColumns.lengths`). */
export const referenceNumber = (length: number): number => -1 - length;

/** The side table a property's values also go to: entity references, identifiers, or none. */
export type PostingSide = "references" | "identifiers" | undefined;

const linking = new Map<string, boolean>();

/**
 * True when the values of `prop` are identifiers that some matchable schema states (innCode,
 * imoNumber, leiCode …): what parties are linked by, so what the identifier side table holds.
 * Identifiers of records that are never matched, such as a declaration's `ccdNumber` and
 * `vedCode` or a passport's `number`, are left out: a million customs rows would otherwise
 * write a million rows nobody looks up, and `findByValue` reads the facts for those instead.
 * @example linkingIdentifier("innCode") // true
 * @example linkingIdentifier("ccdNumber") // false
 */
export function linkingIdentifier(prop: string): boolean {
  let known = linking.get(prop);
  if (known === undefined) {
    known = Object.values(model.schemata).some((schema) => {
      const property = schema?.matchable ? schema.getProperties().get(prop) : undefined;
      return property?.type.name === "identifier";
    });
    linking.set(prop, known);
  }
  return known;
}

/**
 * Where the values of `prop` of `schema` are posted besides their fact: entity references,
 * and linking identifiers (`linkingIdentifier`); refuses a property the schema lacks
 * (`ftm_unknown_property`).
 * @example postingSide("Ownership", "owner") // "references"
 */
export function postingSide(schema: string, prop: string): PostingSide {
  const type = propertyType(schema, prop);
  if (type === "entity") return "references";
  return type === "identifier" && linkingIdentifier(prop) ? "identifiers" : undefined;
}

/** Between two values of a packed column: JSON never holds it raw, ids and locators refuse it. */
export const COLUMN_SEPARATOR = "\u0000";

/**
 * The values of a packed column.
 * @example unpackColumn(packed.entityIds, packed.schemas.length)
 */
export function unpackColumn(column: string, count: number): string[] {
  return count ? column.split(COLUMN_SEPARATOR) : [];
}

/**
 * A pack in the making, of either form: plain arrays, made typed (and so cheap to post between
 * threads) when the pack is done.
 */
interface PackDraft extends Omit<PackedBase, "schemas"> {
  schemas: number[];
  /** The form's own columns, as they fill. */
  props: string;
  references: number[];
  identifiers: number[];
  identifierValues: string[];
  targets: string[];
  sizes: number[];
  keys: number[];
  lengths: number[];
  values: string;
  escaped: number[];
}

function sealDraft(draft: PackDraft, form: PackForm): PackedFacts {
  const base: PackedBase = {
    dataset: draft.dataset,
    firstId: draft.firstId,
    source: draft.source,
    entityIds: draft.entityIds,
    schemas: new Uint16Array(draft.schemas),
    schemata: draft.schemata,
    locators: draft.locators,
    statements: draft.statements,
    referenceValues: draft.referenceValues,
    restartReferences: draft.restartReferences,
  };
  if (form === "json") {
    return {
      ...base,
      form,
      props: draft.props,
      references: new Int32Array(draft.references),
      identifiers: new Int32Array(draft.identifiers),
      identifierValues: JSON.stringify(draft.identifierValues),
      targets: draft.targets,
    };
  }
  return {
    ...base,
    form,
    sizes: new Int32Array(draft.sizes),
    keys: new Int32Array(draft.keys),
    lengths: new Int32Array(draft.lengths),
    values: draft.values,
    escaped: new Int32Array(draft.escaped),
  };
}

let rounds = 0;
/** A numbering round no packer of this thread has had (see `FactPacker.round`). */
const newRound = () => ++rounds;

/** Packed facts as a batch of a load. */
export interface PackedBatch {
  packed: PackedFacts;
}

/**
 * True when `batch` holds packed facts.
 * @example isPackedBatch({ packed }) // true
 */
export function isPackedBatch(batch: object): batch is PackedBatch {
  return "packed" in batch;
}

/**
 * Every property name of the FtM model, the ones a packer needs keys for.
 * @example modelProperties().includes("innCode") // true
 */
export function modelProperties(): string[] {
  const names = new Set<string>();
  for (const schema of Object.values(model.schemata)) {
    for (const name of schema?.getProperties().keys() ?? []) names.add(name);
  }
  return [...names].sort();
}

/**
 * Packs facts for the SQLite writer away from the database (in a worker thread): numbers them
 * from `firstId`, and writes either their props JSON (`json`) or their values in columns, as
 * they stand in JSON, for the writer to put together (`columns`), with the store's property
 * keys and each entity id referred to numbered. One packer per load, its facts packed in the
 * order they are written; a load may mix the forms, pack by pack.
 * @example new FactPacker(await store.factPacking()).pack(facts, "json").props // '[12,"Kupol LLC"]'
 */
export class FactPacker {
  /** Per schema: its properties, with their keys and the side table their values also go to. */
  private readonly schemata = new Map<string, SchemaShape>();
  private nextId: number;
  /** The number of each id referred to so far (see `PackedFacts.referenceValues`). */
  private referenceNumbers = new Map<string, number>();
  /**
   * The round of the numbering, unique to this packer and this round: a number a token
   * carries from another packer or an earlier round is stale.
   */
  private round = newRound();
  /** The JSON form of the ids numbered that need escapes in JSON (few, if any). */
  private readonly escapedReferences = new Map<string, string>();
  /** The reference tokens of the fact being packed, and the next one to stand for a value. */
  private tokens: ReferenceToken[] | undefined;
  private nextToken = 0;

  /** `maxNumbered`: ids numbered before the numbering restarts (see `PackedFacts.referenceValues`). */
  constructor(
    private readonly packing: FactPacking,
    private readonly maxNumbered = MAX_NUMBERED_VALUES,
  ) {
    this.nextId = packing.firstId;
  }

  pack(facts: readonly Fact[], form: PackForm = "columns"): PackedFacts {
    const packed = this.empty(facts[0]?.dataset ?? "", facts[0]?.source ?? "");
    // Numbering restarts only at the start of a pack: a pack's numbers are all of one round.
    if (this.referenceNumbers.size >= this.maxNumbered) {
      this.referenceNumbers.clear();
      this.escapedReferences.clear();
      this.round = newRound();
      packed.restartReferences = true;
    }
    const entityIds: string[] = [];
    const locators: string[] = [];
    // Built by concatenation, flattened once when posted.
    let text = "";
    for (let index = 0; index < facts.length; index++) {
      const fact = facts[index]!;
      this.checkUniform(fact, packed);
      entityIds.push(fact.entityId);
      packed.schemas.push(this.schemaIndex(packed, fact.schema));
      locators.push(fact.locator);
      packed.statements += fact.values.length / 2;
      if (form === "columns") text += this.columnValues(fact, packed);
      else text += (index ? COLUMN_SEPARATOR : "") + this.jsonValues(fact, index, packed);
    }
    this.nextId += facts.length;
    packed.entityIds = entityIds.join(COLUMN_SEPARATOR);
    packed.locators = locators.join(COLUMN_SEPARATOR);
    if (form === "columns") packed.values = text;
    else packed.props = text;
    return sealDraft(packed, form);
  }

  /** The fact's props JSON, `[key,"value",…]` as JSON.stringify writes it; notes its side values. */
  private jsonValues(fact: Fact, index: number, packed: PackDraft): string {
    const { values } = fact;
    if (!values.length) return "[]";
    const shape = this.shapeOf(fact.schema);
    this.startTokens(fact);
    let props = "";
    for (let at = 0; at < values.length; at += 2) {
      const value = values[at + 1]!;
      const place = at / 2;
      const property = shape.properties.at(place, values[at]!);
      let inner: string;
      if (property.side === "references") {
        packed.references.push(index, this.numberOf(value, packed));
        inner = (this.escapedReferences.size && this.escapedReferences.get(value)) || value;
      } else inner = innerAt(shape, place, value);
      props += (at ? property.next : property.first) + inner;
      if (property.side === "identifiers") {
        packed.identifiers.push(index, property.key);
        packed.identifierValues.push(value);
      }
      if (property.target) {
        const target = targetOf(fact.entityId, fact.schema, property.name, value);
        if (target !== undefined) packed.targets.push(target);
      }
    }
    return `${props}"]`;
  }

  /** The fact's values that are not references, one after the other; notes keys and lengths. */
  private columnValues(fact: Fact, packed: PackDraft): string {
    const { values } = fact;
    packed.sizes.push(values.length / 2);
    const shape = this.shapeOf(fact.schema);
    this.startTokens(fact);
    let text = "";
    for (let at = 0; at < values.length; at += 2) {
      const value = values[at + 1]!;
      const place = at / 2;
      const property = shape.properties.at(place, values[at]!);
      if (property.side === "references") {
        packed.keys.push(property.key);
        packed.lengths.push(referenceNumber(this.numberOf(value, packed)));
        continue;
      }
      const inner = innerAt(shape, place, value);
      if (inner !== value) packed.escaped.push(packed.keys.length);
      packed.keys.push(property.key);
      packed.lengths.push(inner.length);
      text += inner;
    }
    return text;
  }

  /** The fact whose reference values come next: its tokens stand for them in order. */
  private startTokens(fact: Fact): void {
    this.tokens = fact.references;
    this.nextToken = 0;
  }

  /**
   * The number of the id a reference value names: the one its token carries, of this round,
   * when the next token stands for it (a column mapped into a reference has none).
   */
  private numberOf(value: string, packed: PackDraft): number {
    const token = this.tokens?.[this.nextToken];
    if (token?.id !== value) return this.referenceNumber(value, packed);
    this.nextToken++;
    if (token.round === this.round) return token.number;
    // Noted on the token for the facts after.
    token.number = this.referenceNumber(value, packed);
    token.round = this.round;
    return token.number;
  }

  /** The number of an id referred to; an id is checked for JSON escapes when it is numbered. */
  private referenceNumber(value: string, packed: PackDraft): number {
    const numbers = this.referenceNumbers;
    const known = numbers.get(value);
    if (known !== undefined) return known;
    const inner = jsonInner(value);
    if (inner !== value) this.escapedReferences.set(value, inner);
    numbers.set(value, numbers.size);
    packed.referenceValues.push(value);
    return numbers.size - 1;
  }

  private schemaIndex(packed: PackDraft, schema: string): number {
    const last = packed.schemata.length - 1;
    if (packed.schemata[last] === schema) return last;
    const known = packed.schemata.indexOf(schema);
    return known >= 0 ? known : packed.schemata.push(schema) - 1;
  }

  private empty(dataset: string, source: string): PackDraft {
    return {
      dataset,
      firstId: this.nextId,
      source,
      entityIds: "",
      schemas: [],
      schemata: [],
      locators: "",
      statements: 0,
      referenceValues: [],
      restartReferences: false,
      props: "",
      references: [],
      identifiers: [],
      identifierValues: [],
      targets: [],
      sizes: [],
      keys: [],
      lengths: [],
      values: "",
      escaped: [],
    };
  }

  private checkUniform(fact: Fact, packed: PackDraft): void {
    if (fact.dataset !== packed.dataset || fact.source !== packed.source) {
      throw new Error(`a pack holds facts of one dataset and source file (${fact.entityId})`);
    }
    if (fact.entityId.includes(COLUMN_SEPARATOR) || fact.locator.includes(COLUMN_SEPARATOR)) {
      throw new SanctraceError(
        "store_nul_character",
        "an entity id or locator holds a NUL character",
        fact.locator.replaceAll(COLUMN_SEPARATOR, "\\0"),
      );
    }
  }

  private shapeOf(schema: string): SchemaShape {
    let shape = this.schemata.get(schema);
    if (!shape) {
      // Every property has a key in the packing.
      const properties = new PropertyOrder((name) =>
        packedProperty(schema, name, (known) => this.packing.keys[known]!),
      );
      shape = { properties, lastValues: [], lastInner: [] };
      this.schemata.set(schema, shape);
    }
    return shape;
  }
}

/** A property of a schema as props JSON states it; the packer and the writer share it. */
export interface PackedProperty {
  name: string;
  /** Its atom key. */
  key: number;
  side: PostingSide;
  /** Whether its values may name a sanction target (`targetOf`). */
  target: boolean;
  /** What comes before its value in props JSON, first in a fact or after another value. */
  first: string;
  next: string;
}

/**
 * What packer and writer know of `schema`'s property `name`, its key from `keyOf`: asked only
 * once the property is known to the schema (`postingSide` refuses one it lacks).
 * @example packedProperty("Company", "name", () => 12).first // '[12,"'
 */
export function packedProperty(
  schema: string,
  name: string,
  keyOf: (name: string) => number,
): PackedProperty {
  const side = postingSide(schema, name);
  const key = keyOf(name);
  return { name, key, side, target: mayName(schema, name), first: `[${key},"`, next: `",${key},"` };
}

/**
 * A schema's properties, and the order the last fact of it listed them in; per place, the last
 * value and its JSON form (columns repeat values row after row: a country, a currency).
 */
interface SchemaShape {
  properties: PropertyOrder<PackedProperty>;
  lastValues: string[];
  lastInner: string[];
}

/** A value as it stands in JSON (`jsonInner`), the last one at its place remembered. */
function innerAt(shape: SchemaShape, place: number, value: string): string {
  if (shape.lastValues[place] === value) return shape.lastInner[place]!;
  const inner = jsonInner(value);
  shape.lastValues[place] = value;
  shape.lastInner[place] = inner;
  return inner;
}

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, surrogates. */
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as it stands between the quotes of its JSON; most need no escape.
 * @example jsonInner('ООО "Ромашка"') // 'ООО \\"Ромашка\\"'
 */
export function jsonInner(value: string): string {
  return JSON_ESCAPED.test(value) ? JSON.stringify(value).slice(1, -1) : value;
}
