import type { DemoCompany, DemoPayment, DemoShipment, PlantedFinding } from "./case-types.js";
import { type Cast, chineseCompany, hubCompany, russianCompany } from "./cast.js";
import type { Random } from "./random.js";

/** Goods of the case: HS code, description (Russian, as declared), typical unit value in USD. */
const GOODS: Array<[string, string, number]> = [
  ["8806221000", "Беспилотный летательный аппарат, масса 2-25 кг", 48_000],
  ["8407109000", "Двигатель поршневой для беспилотных аппаратов", 9_500],
  ["8526910000", "Модуль спутниковой навигации ГНСС", 1_200],
  ["8542310000", "Микроконтроллеры, интегральные схемы", 350],
  ["8529109000", "Антенны и части радиоаппаратуры", 600],
];
const BACKGROUND_GOODS: Array<[string, string, number]> = [
  ["8471300000", "Портативные компьютеры", 900],
  ["9403200000", "Мебель металлическая", 300],
  ["6110200000", "Трикотажные изделия из хлопка", 15],
];

/** What a scheme can use and add to while a case is generated. */
export interface SchemeContext {
  random: Random;
  cast: Cast;
  addCompany(company: DemoCompany): DemoCompany;
  ship(
    sender: DemoCompany,
    receiver: DemoCompany,
    goods: [string, string, number],
    via: string,
  ): DemoShipment;
  pay(
    payer: DemoCompany,
    beneficiary: DemoCompany,
    amount: number,
    currency: string,
    purpose: string,
  ): DemoPayment;
  find(finding: PlantedFinding): void;
  /** Rows this scheme may plant (its share of `--size`). */
  budget: number;
}

/**
 * A pattern planted in a generated case, with what an analyst should find recorded in the
 * ground truth. Later schemes (front companies sharing directors, layered ownership just
 * above or below 50 %, split payments) plug in here.
 */
export interface DemoScheme {
  name: string;
  /** Share of the case's rows this scheme plants, in [0, 1]. */
  share: number;
  plant(context: SchemeContext): void;
}

/** A Chinese manufacturer ships drones and engines to a Russian end-user through a UAE hub. */
export const transshipmentChain: DemoScheme = {
  name: "transshipment-hub",
  share: 0.4,
  plant(context) {
    const { random } = context;
    const maker = context.addCompany(
      chineseCompany(context.cast, "manufacturer", ["Intelligent Technology", "智能科技"]),
    );
    const engines = context.addCompany(
      chineseCompany(context.cast, "supplier", ["Power Machinery", "动力机械"]),
    );
    const hub = context.addCompany(hubCompany(context.cast, "intermediary"));
    const endUser = context.addCompany(russianCompany(context.cast, "end-user"));
    const shipments: string[] = [];
    const payments: string[] = [];
    for (let index = 0; index < Math.max(3, context.budget); index++) {
      const goods = index % 3 === 1 ? GOODS[1]! : random.pick(GOODS);
      const origin = goods === GOODS[1] ? engines : maker;
      const shipment = context.ship(hub, endUser, goods, "ae");
      shipment.origin = "cn";
      shipments.push(shipment.key);
      payments.push(
        context.pay(
          endUser,
          hub,
          Math.round(shipment.amount * 1.15),
          "USD",
          `Оплата по контракту ${shipment.ccd}`,
        ).key,
      );
      if (index % 2 === 0)
        payments.push(
          context.pay(
            hub,
            origin,
            shipment.amount,
            "CNY",
            `Payment for goods, invoice ${random.digits(6)}`,
          ).key,
        );
    }
    context.find({
      scheme: "transshipment-hub",
      description: `${maker.latin} and ${engines.latin} (China) supply ${endUser.latin} (Russia) through ${hub.latin} (UAE): goods declared from the UAE, origin China, paid through the hub`,
      companies: [maker.key, engines.key, hub.key, endUser.key],
      shipments,
      payments,
    });
  },
};

/** Ordinary trade between unrelated companies, so the planted patterns are not alone. */
export const backgroundTrade: DemoScheme = {
  name: "background",
  share: 0.6,
  plant(context) {
    const { random, cast } = context;
    const sellers = [
      chineseCompany(cast, "background"),
      chineseCompany(cast, "background"),
      hubCompany(cast, "background"),
    ].map(context.addCompany);
    const buyers = [russianCompany(cast, "background"), russianCompany(cast, "background")].map(
      context.addCompany,
    );
    for (let index = 0; index < context.budget; index++) {
      const seller = random.pick(sellers);
      const buyer = random.pick(buyers);
      const shipment = context.ship(seller, buyer, random.pick(BACKGROUND_GOODS), seller.country);
      if (random.chance(0.5))
        context.pay(buyer, seller, shipment.amount, "USD", "Payment for goods");
    }
  },
};

/** The schemes `demo` plants, in order. */
export const demoSchemes: DemoScheme[] = [transshipmentChain, backgroundTrade];
