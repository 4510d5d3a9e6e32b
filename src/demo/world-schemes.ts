import type { DemoCompany, DemoShipment } from "./case-types.js";
import type { DemoScheme, SchemeContext } from "./generate.js";
import { HUBS, worldCompany } from "./world-cast.js";

type Goods = [string, string, number];
/** CHPL goods (tiers 1–4): the normal trade carries them too, mostly to hubs and Russia. */
export const CHPL_GOODS: Goods[] = [
  ["8542310000", "Микроконтроллеры, интегральные схемы", 350],
  ["8526910000", "Модуль спутниковой навигации ГНСС", 1_200],
  ["8517620000", "Радиомодули передачи данных", 800],
  ["8482100000", "Подшипники шариковые", 40],
  ["8471800000", "Блоки вычислительных машин", 700],
];
export const CIVIL_GOODS: Goods[] = [
  ["8471300000", "Портативные компьютеры", 900],
  ["9403200000", "Мебель металлическая", 300],
  ["6110200000", "Трикотажные изделия из хлопка", 15],
  ["8703230000", "Автомобили легковые", 21_000],
  ["3004900000", "Лекарственные средства", 120],
];

const day = (base: string, offset: number) =>
  new Date(Date.parse(base) + offset * 86_400_000).toISOString().slice(0, 10);

/** Trade dates fall in 2023–2024, whatever the size of the world. */
function dated(context: SchemeContext, shipment: DemoShipment): DemoShipment {
  shipment.date = day("2023-01-02", context.random.int(0, 700));
  return shipment;
}

function listed(company: DemoCompany, on: string): DemoCompany {
  company.listed = on;
  return company;
}

/** A sanctioned buyer gets CHPL goods through a new front that shares its director and address. */
export const frontCompanies: DemoScheme = {
  name: "front-company",
  share: 0.04,
  plant(context) {
    const { random, cast } = context;
    for (let n = 0; n < Math.max(1, Math.round(context.budget / 6)); n++) {
      const buyer = context.addCompany(listed(worldCompany(cast, "ru", "end-user"), "2022-09-30"));
      const supplier = context.addCompany(worldCompany(cast, "cn", "supplier"));
      const front = worldCompany(cast, random.pick(["ru", "kg", "am"]), "intermediary");
      Object.assign(front, { director: buyer.director, address: buyer.address });
      front.owners = [{ name: buyer.director, share: 100 }];
      const shipments = Array.from({ length: random.int(2, 4) }, () =>
        dated(context, context.ship(supplier, front, random.pick(CHPL_GOODS), "cn")),
      );
      const first = shipments.map((s) => s.date).sort()[0]!;
      front.founded = day(first, -random.int(40, 200));
      context.addCompany(front);
      const payments = shipments.map(
        (s) => context.pay(front, supplier, s.amount, "CNY", "Оплата").key,
      );
      context.find({
        scheme: "front-company",
        description: `${front.latin}, founded ${front.founded}, shares director and address with listed ${buyer.latin} and buys CHPL goods from ${supplier.latin}`,
        companies: [buyer.key, front.key, supplier.key],
        hidden: [front.key],
        shipments: shipments.map((s) => s.key),
        payments,
      });
    }
  },
};

/** Listed owners hold an operating company just above 50% (blocked) or just below (not). */
export const layeredOwnership: DemoScheme = {
  name: "layered-ownership",
  share: 0.04,
  plant(context) {
    const rounds = Math.max(1, Math.round(context.budget / 8));
    for (let n = 0; n < rounds * 2; n++) plantOwnership(context, n % 2 === 0);
  },
};

/** One ownership structure: two listed owners adding up, or one holding through a holding company. */
function plantOwnership(context: SchemeContext, above: boolean): void {
  const { random, cast } = context;
  const layered = random.chance(0.5);
  const listedOwner = () =>
    context.addCompany(listed(worldCompany(cast, "ru", "background"), "2022-04-06"));
  const owner = listedOwner();
  const operating = context.addCompany(worldCompany(cast, "ru", "background"));
  const direct = random.int(20, 30);
  const second = (above ? 51 : 49) - direct;
  let structure: string[];
  let description: string;
  if (layered) {
    const holding = context.addCompany(
      worldCompany(cast, random.pick(["ae", "tr", "kz"]), "broker"),
    );
    const share = above ? 52 : 49;
    holding.owners = [
      { name: owner.latin, company: owner.key, share },
      { name: holding.director, share: 100 - share },
    ];
    operating.owners = [{ name: holding.latin, company: holding.key, share: 100 }];
    structure = [owner.key, holding.key, operating.key];
    description = `listed ${owner.latin} holds ${share}% of ${holding.latin}, which owns it outright`;
  } else {
    const other = listedOwner();
    operating.owners = [
      { name: owner.latin, company: owner.key, share: direct },
      { name: other.latin, company: other.key, share: second },
      { name: operating.director, share: 100 - direct - second },
    ];
    structure = [owner.key, other.key, operating.key];
    description = `listed owners hold ${direct}% + ${second}% = ${direct + second}%`;
  }
  const partner = context.addCompany(worldCompany(cast, random.pick(["cn", "tr"]), "background"));
  const shipments = [0, 1].map(
    () =>
      dated(context, context.ship(partner, operating, random.pick(CIVIL_GOODS), partner.country))
        .key,
  );
  // Below 50% the listed owners are still screening hits; the rest are controls.
  const unlisted = structure.slice(1).filter((key) => key !== structure[1] || layered);
  context.find({
    scheme: above ? "ownership-above-50" : "ownership-below-50",
    description: `${operating.latin}: ${description}`,
    companies: above ? structure : structure.filter((key) => !unlisted.includes(key)),
    ...(above ? { hidden: [operating.key] } : { controls: unlisted }),
    shipments,
    payments: [],
  });
}

/** A listed buyer's CHPL purchase is consigned to a hub forwarder and paid in small tranches by others from third-country banks. */
export const splitPayments: DemoScheme = {
  name: "split-payments",
  share: 0.04,
  plant(context) {
    const { random, cast } = context;
    for (let n = 0; n < Math.max(1, Math.round(context.budget / 8)); n++) {
      const buyer = context.addCompany(listed(worldCompany(cast, "ru", "end-user"), "2023-02-24"));
      const supplier = context.addCompany(worldCompany(cast, "cn", "supplier"));
      const [hubCountry] = random.pick(HUBS);
      const forwarder = context.addCompany(worldCompany(cast, hubCountry, "intermediary"));
      const payers = [0, 1, 2].map(() =>
        context.addCompany(worldCompany(cast, random.pick(["tr", "kz", "am", "kg"]), "broker")),
      );
      const shipment = dated(
        context,
        context.ship(supplier, forwarder, random.pick(CHPL_GOODS), "cn"),
      );
      shipment.endUser = buyer.key;
      shipment.destination = hubCountry;
      const payments = payers.map((payer) => {
        const payment = context.pay(
          payer,
          supplier,
          Math.round(shipment.amount / 3),
          "USD",
          "Payment for goods",
        );
        payment.bankCountry = random.pick(["ae", "hk", "ge"].filter((c) => c !== payer.country));
        return payment.key;
      });
      context.find({
        scheme: "split-payments",
        description: `${buyer.latin}'s goods from ${supplier.latin} consigned to ${forwarder.latin} and paid by three others from third-country banks`,
        companies: [buyer.key, supplier.key, forwarder.key, ...payers.map((p) => p.key)],
        hidden: [forwarder.key, ...payers.map((p) => p.key)],
        shipments: [shipment.key],
        payments,
      });
    }
  },
};
