import { SanctraceError } from "../../model/index.js";
import { type Field, recognizeColumns } from "./builtin-fields.js";
import type { EntitySpec, MappingSpec, PropertySpec } from "./mapping.js";

export const TABLE_KINDS = ["customs", "payments", "registry", "invoices"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

type Found = Partial<Record<Field, string>>;
type Properties = Record<string, PropertySpec>;

/** Properties for the fields present; absent ones are left out. */
function pick(found: Found, wanted: Record<string, Field>): Properties {
  const properties: Properties = {};
  for (const [prop, field] of Object.entries(wanted)) {
    const column = found[field];
    if (column) properties[prop] = { column };
  }
  return properties;
}

function template(found: Found, parts: Array<string | Field>): PropertySpec | undefined {
  const fields = parts.filter((part): part is Field => part in found);
  if (!fields.length) return undefined;
  return {
    template: parts.map((part) => (part in found ? `{{${found[part as Field]}}}` : part)).join(""),
  };
}

function keys(found: Found, fields: Field[]): string[] {
  return fields.map((field) => found[field]).filter((column): column is string => Boolean(column));
}

/** A party (company or person) named in a column, with its register number and country. */
function party(found: Found, name: Field, id?: Field, country?: Field, schema = "LegalEntity") {
  if (!found[name]) return undefined;
  const properties: Properties = { name: { column: found[name]! } };
  if (id && found[id]) properties.innCode = { column: found[id]!, identifier: true };
  if (country && found[country]) properties.country = { column: found[country]! };
  // One key space for every role, so a company that sends and receives is one party.
  const spec: EntitySpec = {
    schema,
    keys: keys(found, [name, ...(id ? [id] : [])]),
    keyLiteral: "party",
    properties,
    classify: true,
  };
  return spec;
}

function account(found: Found, number: Field, bank: Field | undefined): EntitySpec | undefined {
  if (!found[number]) return undefined;
  const properties: Properties = { accountNumber: { column: found[number]! } };
  if (bank && found[bank]) properties.bankName = { column: found[bank]! };
  if (bank) properties.bank = { entity: `${bank}Entity` };
  return { schema: "BankAccount", keys: [found[number]!], properties };
}

function bank(found: Found, name: Field, bic: Field): EntitySpec | undefined {
  if (!found[name] && !found[bic]) return undefined;
  return {
    schema: "Company",
    keys: keys(found, [name, bic]),
    keyLiteral: "bank",
    properties: pick(found, { name, swiftBic: bic }),
  };
}

function compact(entities: Record<string, EntitySpec | undefined>): Record<string, EntitySpec> {
  const present = Object.fromEntries(
    Object.entries(entities).filter((entry): entry is [string, EntitySpec] => Boolean(entry[1])),
  );
  for (const spec of Object.values(present)) {
    for (const [prop, property] of Object.entries(spec.properties)) {
      if (property.entity && !present[property.entity]) delete spec.properties[prop];
    }
  }
  return present;
}

const link = (entity: string): PropertySpec => ({ entity });
const allFields = (found: Found) => Object.keys(found) as Field[];

function customs(found: Found) {
  const activity: EntitySpec = {
    schema: "EconomicActivity",
    keys: keys(found, allFields(found)),
    keyRow: true,
    properties: {
      ...pick(found, {
        date: "date",
        ccdNumber: "ccd",
        vedCode: "hs",
        goodsDescription: "goods",
        originCountry: "origin",
        departureCountry: "departure",
        destinationCountry: "destination",
        customsAmount: "customsValue",
      }),
      ...(found.amount ? { invoiceAmount: template(found, ["amount", " ", "currency"])! } : {}),
      sender: link("sender"),
      receiver: link("receiver"),
      declarant: link("declarant"),
    },
  };
  return {
    sender: party(found, "sender", "senderId", "senderCountry"),
    receiver: party(found, "receiver", "receiverId", "receiverCountry"),
    declarant: party(found, "declarant", "declarantId"),
    activity,
  };
}

function payments(found: Found) {
  const payment: EntitySpec = {
    schema: "Payment",
    keys: keys(found, allFields(found)),
    keyRow: true,
    properties: {
      ...pick(found, {
        date: "date",
        amount: "amount",
        currency: "currency",
        purpose: "purpose",
        transactionNumber: "reference",
      }),
      payer: link("payer"),
      beneficiary: link("beneficiary"),
      payerAccount: link("payerAccount"),
      beneficiaryAccount: link("beneficiaryAccount"),
    },
  };
  return {
    payer: party(found, "payer", "payerId"),
    beneficiary: party(found, "beneficiary", "beneficiaryId"),
    payerBankEntity: bank(found, "payerBank", "payerBic"),
    beneficiaryBankEntity: bank(found, "beneficiaryBank", "beneficiaryBic"),
    payerAccount: account(found, "payerAccount", "payerBank"),
    beneficiaryAccount: account(found, "beneficiaryAccount", "beneficiaryBank"),
    payment,
  };
}

function registry(found: Found) {
  const company: EntitySpec = {
    schema: "Company",
    keys: keys(found, ["company", "inn", "ogrn", "uscc", "lei", "registration"]),
    properties: {
      ...pick(found, {
        name: "company",
        innCode: "inn",
        ogrnCode: "ogrn",
        uscCode: "uscc",
        leiCode: "lei",
        registrationNumber: "registration",
        jurisdiction: "jurisdiction",
        incorporationDate: "incorporated",
        address: "address",
      }),
      ...(found.uscc ? { registrationNumber: { column: found.uscc } } : {}),
    },
  };
  const ownership: EntitySpec = {
    schema: "Ownership",
    keys: keys(found, ["company", "inn", "ogrn", "uscc", "owner", "ownerId"]),
    properties: {
      owner: link("owner"),
      asset: link("company"),
      ...pick(found, { percentage: "share" }),
    },
  };
  const directorship: EntitySpec = {
    schema: "Directorship",
    keys: keys(found, ["company", "inn", "ogrn", "uscc", "director", "directorId"]),
    properties: {
      director: link("director"),
      organization: link("company"),
      ...pick(found, { role: "role" }),
    },
  };
  return {
    company,
    owner: party(found, "owner", "ownerId"),
    director: party(found, "director", "directorId", undefined, "Person"),
    ownership: found.owner ? ownership : undefined,
    directorship: found.director ? directorship : undefined,
  };
}

function invoices(found: Found) {
  const line: EntitySpec = {
    schema: "EconomicActivity",
    keys: keys(found, allFields(found)),
    keyRow: true,
    properties: {
      ...pick(found, {
        date: "date",
        recordId: "invoice",
        vedCode: "hs",
        goodsDescription: "goods",
      }),
      sender: link("seller"),
      receiver: link("buyer"),
    },
  };
  const amount = template(found, [found.lineTotal ? "lineTotal" : "amount", " ", "currency"]);
  if (amount) line.properties.invoiceAmount = amount;
  const description = template(found, [
    "invoice ",
    "invoice",
    ": ",
    "quantity",
    " ",
    "unit",
    " × ",
    "unitPrice",
    " ",
    "currency",
    "; invoice total ",
    "invoiceTotal",
    " ",
    "currency",
  ]);
  if (description) line.properties.description = description;
  return {
    seller: party(found, "seller", "sellerId"),
    buyer: party(found, "buyer", "buyerId"),
    line,
  };
}

/** The fields a table must have for a kind to apply. */
const REQUIRED: Record<TableKind, Field[][]> = {
  customs: [
    ["sender", "receiver"],
    ["hs", "goods", "ccd"],
  ],
  payments: [["payer"], ["beneficiary"], ["amount"]],
  registry: [
    ["company"],
    ["inn", "ogrn", "uscc", "lei", "registration", "jurisdiction", "owner", "director"],
  ],
  invoices: [["invoice"], ["seller", "buyer"]],
};

const BUILD = { customs, payments, registry, invoices };

/** Most specific first: an invoice table also names a seller and goods. */
const DETECT_ORDER: TableKind[] = ["invoices", "payments", "customs", "registry"];

function applies(kind: TableKind, found: Found): boolean {
  return REQUIRED[kind].every((anyOf) => anyOf.some((field) => found[field]));
}

/**
 * The built-in mapping of `kind` for a table's columns, or the kind that fits best when
 * `kind` is undefined. Refuses a table lacking the columns a kind needs.
 * @example builtinMapping("customs", ["Дата", "Отправитель", "Получатель", "Код ТН ВЭД"], "a.csv")
 */
export function builtinMapping(
  kind: TableKind | undefined,
  columns: string[],
  table: string,
): MappingSpec {
  const found = recognizeColumns(columns);
  const chosen = kind ?? DETECT_ORDER.find((candidate) => applies(candidate, found));
  if (!chosen || !applies(chosen, found)) {
    const needs = chosen ? REQUIRED[chosen].map((anyOf) => anyOf.join("|")).join(", ") : "";
    throw new SanctraceError(
      "table_unrecognized_columns",
      chosen
        ? `a ${chosen} table needs columns ${needs}; found ${columns.join(", ")} (use --mapping)`
        : `cannot tell what this table holds from its columns (${columns.join(", ")}); use --as customs|payments|registry|invoices or --mapping`,
      table,
    );
  }
  return {
    origin: `--as ${chosen}`,
    queries: [{ entities: compact(BUILD[chosen](found)), filters: {}, filtersNot: {} }],
  };
}
