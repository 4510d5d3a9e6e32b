import {
  type Fact,
  model,
  propertyType,
  type ReferenceToken,
  SanctraceError,
} from "../model/index.js";
import { MAX_NUMBERED_VALUES } from "./posting-lists.js";
import { PropertyOrder } from "./property-order.js";

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
 * the database does the rest: it writes each fact's props JSON from the columns, and its
 * references and identifiers to the side tables. Property keys are those `Store.factPacking`
 * gave; entity ids referred to are numbered, so the writer hashes no string for them.
 */
export interface PackedFacts {
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
  /** Per fact: how many values it states (its statements). */
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
  /**
   * The ids first referred to in this pack, numbered on from those of the packs before, or
   * from 0 when `restartReferences` (past `MAX_NUMBERED_VALUES`, to bound memory).
   */
  referenceValues: string[];
  restartReferences: boolean;
}

/** The number of the id a reference value names (`PackedFacts.lengths`). */
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
 * A pack in the making: plain arrays, made typed (and so cheap to post between threads) when
 * the pack is done.
 */
interface PackDraft
  extends Omit<PackedFacts, "schemas" | "sizes" | "keys" | "lengths" | "escaped"> {
  schemas: number[];
  sizes: number[];
  keys: number[];
  lengths: number[];
  escaped: number[];
}

function sealDraft(draft: PackDraft): PackedFacts {
  return {
    ...draft,
    schemas: new Uint16Array(draft.schemas),
    sizes: new Int32Array(draft.sizes),
    keys: new Int32Array(draft.keys),
    lengths: new Int32Array(draft.lengths),
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
 * from `firstId`, and lays their values out in columns, as they stand in JSON, with the
 * store's property keys, each entity id referred to numbered. One packer per load, its facts
 * packed in the order they are written. The props JSON is put together by the thread that
 * writes (`FactWriter`): the two threads share the work of a large table about evenly.
 * @example new FactPacker(await store.factPacking()).pack(facts).values // "Kupol LLC"
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

  /** `maxNumbered`: ids numbered before the numbering restarts (see `PackedFacts.referenceValues`). */
  constructor(
    private readonly packing: FactPacking,
    private readonly maxNumbered = MAX_NUMBERED_VALUES,
  ) {
    this.nextId = packing.firstId;
  }

  pack(facts: readonly Fact[]): PackedFacts {
    const packed = this.empty(facts[0]?.dataset ?? "", facts[0]?.source ?? "");
    // Numbering restarts only at the start of a pack: a pack's numbers are all of one round.
    if (this.referenceNumbers.size >= this.maxNumbered) {
      this.referenceNumbers.clear();
      this.round = newRound();
      packed.restartReferences = true;
    }
    const entityIds: string[] = [];
    const locators: string[] = [];
    // Built by concatenation, flattened once when posted.
    let values = "";
    for (const fact of facts) {
      this.checkUniform(fact, packed);
      entityIds.push(fact.entityId);
      packed.schemas.push(this.schemaIndex(packed, fact.schema));
      locators.push(fact.locator);
      packed.sizes.push(fact.values.length / 2);
      values += this.packValues(fact, packed);
    }
    this.nextId += facts.length;
    packed.entityIds = entityIds.join(COLUMN_SEPARATOR);
    packed.locators = locators.join(COLUMN_SEPARATOR);
    packed.values = values;
    return sealDraft(packed);
  }

  /** The fact's values that are not references, one after the other; notes keys and lengths. */
  private packValues(fact: Fact, packed: PackDraft): string {
    const { values } = fact;
    const shape = this.shapeOf(fact.schema);
    const tokens = fact.references;
    let nextToken = 0;
    let text = "";
    for (let at = 0; at < values.length; at += 2) {
      const value = values[at + 1]!;
      const place = at / 2;
      const property = shape.properties.at(place, values[at]!);
      if (property.side !== "references") {
        const inner = innerAt(shape, place, value);
        if (inner !== value) packed.escaped.push(packed.keys.length);
        packed.keys.push(property.key);
        packed.lengths.push(inner.length);
        text += inner;
        continue;
      }
      packed.keys.push(property.key);
      const token = tokens?.[nextToken];
      let number: number;
      if (token?.id === value) {
        nextToken++;
        number = token.round === this.round ? token.number : this.numberToken(token, packed);
      } else number = this.referenceNumber(value, packed);
      packed.lengths.push(referenceNumber(number));
    }
    return text;
  }

  /** The number of the id a token stands for, noted on the token for the facts after. */
  private numberToken(token: ReferenceToken, packed: PackDraft): number {
    token.number = this.referenceNumber(token.id!, packed);
    token.round = this.round;
    return token.number;
  }

  /** The number of an id referred to. */
  private referenceNumber(value: string, packed: PackDraft): number {
    const numbers = this.referenceNumbers;
    const known = numbers.get(value);
    if (known !== undefined) return known;
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
      sizes: [],
      keys: [],
      lengths: [],
      values: "",
      escaped: [],
      referenceValues: [],
      restartReferences: false,
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
      const properties = new PropertyOrder<PackedProperty>((name) => ({
        name,
        // Refuses a property the schema lacks, as the writer does; every one has a key.
        side: postingSide(schema, name),
        key: this.packing.keys[name]!,
      }));
      shape = { properties, lastValues: [], lastInner: [] };
      this.schemata.set(schema, shape);
    }
    return shape;
  }
}

interface PackedProperty {
  name: string;
  key: number;
  side: PostingSide;
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
