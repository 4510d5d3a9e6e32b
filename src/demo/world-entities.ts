import { type FtmEntity, makeId } from "../model/index.js";
import type { DemoCase, DemoCompany, DemoPayment, DemoShipment } from "./case-types.js";

/** The world as FtM entities: what the analyst's evidence holds, and what the lists say. */
export interface WorldEntities {
  evidence: FtmEntity[];
  lists: FtmEntity[];
}

const entity = (
  schema: string,
  id: string,
  properties: Record<string, Array<string | undefined>>,
): FtmEntity => ({
  id,
  schema,
  properties: Object.fromEntries(
    Object.entries(properties)
      .map(([prop, values]) => [prop, values.filter((v): v is string => Boolean(v))] as const)
      .filter(([, values]) => values.length),
  ),
});

export const personId = (name: string) => makeId("world-person", name);
const accountId = (company: DemoCompany, country: string) =>
  makeId("world-account", company.key, country);

function companyEntities(company: DemoCompany): FtmEntity[] {
  const bankCountry = company.bankCountry ?? company.country;
  const records = [
    entity("Company", company.key, {
      name: [company.latin],
      alias: [company.cyrillic, company.chinese],
      country: [company.country],
      incorporationDate: [company.founded],
      address: [company.address],
      innCode: [company.identifiers.innCode],
      uscCode: [company.identifiers.uscCode],
      registrationNumber: [company.identifiers.registrationNumber],
    }),
    entity("Person", personId(company.director), { name: [company.director] }),
    entity("Directorship", makeId("world-dir", company.key), {
      director: [personId(company.director)],
      organization: [company.key],
      role: ["director"],
    }),
    entity("BankAccount", accountId(company, bankCountry), {
      accountNumber: [company.account],
      bankName: [company.bank],
      country: [bankCountry],
    }),
  ];
  for (const owner of company.owners) {
    const ownerId = owner.company ?? personId(owner.name);
    if (!owner.company) records.push(entity("Person", ownerId, { name: [owner.name] }));
    records.push(
      entity("Ownership", makeId("world-own", ownerId, company.key), {
        owner: [ownerId],
        asset: [company.key],
        percentage: [String(owner.share)],
      }),
    );
  }
  return records;
}

function shipmentEntity(s: DemoShipment): FtmEntity {
  return entity("EconomicActivity", s.key, {
    ccdNumber: [s.ccd],
    date: [s.date],
    sender: [s.sender],
    receiver: [s.receiver],
    declarant: [s.declarant],
    contractHolder: [s.endUser],
    vedCode: [s.hs],
    goodsDescription: [s.goods],
    originCountry: [s.origin],
    departureCountry: [s.departure],
    destinationCountry: [s.destination],
    customsAmount: [String(s.amount)],
  });
}

function paymentEntities(p: DemoPayment, byKey: Map<string, DemoCompany>): FtmEntity[] {
  const payer = byKey.get(p.payer)!;
  const payee = byKey.get(p.beneficiary)!;
  const country = p.bankCountry ?? payer.bankCountry ?? payer.country;
  const extra = p.bankCountry
    ? [
        entity("BankAccount", accountId(payer, country), {
          accountNumber: [`${country.toUpperCase()}${p.reference}`],
          country: [country],
        }),
      ]
    : [];
  return [
    ...extra,
    entity("Payment", p.key, {
      date: [p.date],
      payer: [p.payer],
      beneficiary: [p.beneficiary],
      payerAccount: [accountId(payer, country)],
      beneficiaryAccount: [accountId(payee, payee.bankCountry ?? payee.country)],
      amount: [String(p.amount)],
      currency: [p.currency],
      purpose: [p.purpose],
      transactionNumber: [p.reference],
    }),
  ];
}

function listEntities(company: DemoCompany): FtmEntity[] {
  return [
    entity("Company", company.key, {
      name: [company.latin],
      alias: [company.cyrillic],
      country: [company.country],
      topics: ["sanction"],
    }),
    entity("Sanction", makeId("world-sanction", company.key), {
      entity: [company.key],
      listingDate: [company.listed],
      program: ["WORLD-RU (fictional)"],
    }),
  ];
}

/**
 * The FtM entities of a generated world: registers (companies, directors, owners, accounts),
 * customs declarations and payments as evidence; the listed companies as a list. Parties are
 * taken as already resolved: a listed company has the same id in both.
 * @example worldEntities(generateWorld({ seed: 1, size: 100 })).lists.length
 */
export function worldEntities(demo: DemoCase): WorldEntities {
  const byKey = new Map(demo.companies.map((c) => [c.key, c]));
  const evidence = [
    ...demo.companies.flatMap(companyEntities),
    ...demo.shipments.map(shipmentEntity),
    ...demo.payments.flatMap((p) => paymentEntities(p, byKey)),
  ];
  const unique = new Map(evidence.map((e) => [e.id, e]));
  return {
    evidence: [...unique.values()],
    lists: demo.companies.filter((c) => c.listed).flatMap(listEntities),
  };
}
