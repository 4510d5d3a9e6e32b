import type { DemoCompany } from "./case-types.js";
import type { DemoScheme, SchemeContext } from "./generate.js";
import { HUBS, worldCompany } from "./world-cast.js";
import { CHPL_GOODS, CIVIL_GOODS } from "./world-schemes.js";

const day = (offset: number) =>
  new Date(Date.parse("2023-01-02") + offset * 86_400_000).toISOString().slice(0, 10);

/** A CN manufacturer ships CHPL goods to a hub trader, who re-exports them to a listed Russian end-user. */
export const worldTransshipment: DemoScheme = {
  name: "transshipment-hub",
  share: 0.04,
  plant(context) {
    const { random, cast } = context;
    for (let n = 0; n < Math.max(1, Math.round(context.budget / 6)); n++) {
      const maker = context.addCompany(worldCompany(cast, "cn", "manufacturer"));
      const [country] = random.pick(HUBS);
      const hub = context.addCompany(worldCompany(cast, country, "intermediary"));
      const endUser = context.addCompany(worldCompany(cast, "ru", "end-user"));
      endUser.listed = "2023-05-19";
      const shipments: string[] = [];
      const payments: string[] = [];
      for (let k = 0; k < random.int(2, 3); k++) {
        const goods = random.pick(CHPL_GOODS);
        const inbound = context.ship(maker, hub, goods, "cn");
        inbound.date = day(random.int(0, 600));
        inbound.destination = country;
        const outbound = context.ship(hub, endUser, goods, country);
        outbound.date = day(random.int(0, 600));
        outbound.origin = "cn";
        shipments.push(inbound.key, outbound.key);
        payments.push(
          context.pay(endUser, hub, Math.round(outbound.amount * 1.2), "USD", "Оплата").key,
        );
      }
      context.find({
        scheme: "transshipment-hub",
        description: `${maker.latin} (China) supplies listed ${endUser.latin} (Russia) through ${hub.latin} (${country.toUpperCase()})`,
        companies: [maker.key, hub.key, endUser.key],
        hidden: [hub.key],
        shipments,
        payments,
      });
    }
  },
};

interface Pools {
  cn: DemoCompany[];
  hub: DemoCompany[];
  ru: DemoCompany[];
}

function createPools(context: SchemeContext): Pools {
  const { random, cast } = context;
  const count = Math.max(3, Math.round(context.budget / 12));
  // A few companies of the normal trade are new too: new companies are common, not suspicious alone.
  const founded = (): [number, number] => (random.chance(0.08) ? [2022, 2023] : [2003, 2019]);
  const make = (country: () => string) =>
    Array.from({ length: count }, () =>
      context.addCompany(worldCompany(cast, country(), "background", founded())),
    );
  return {
    cn: make(() => "cn"),
    hub: make(() => random.pick(HUBS)[0]),
    ru: make(() => "ru"),
  };
}

/** One row of normal trade, with its payment (sometimes by someone else, or from abroad). */
function tradeOnce(context: SchemeContext, pools: Pools): void {
  const { random } = context;
  const roll = random.next();
  const [from, to, chplShare] =
    roll < 0.4
      ? [pools.cn, pools.ru, 0.06]
      : roll < 0.65
        ? [pools.cn, pools.hub, 0.3]
        : roll < 0.85
          ? [pools.hub, pools.ru, 0.05]
          : [pools.hub, pools.hub, 0.2];
  const seller = random.pick(from);
  const buyer = random.pick(to.filter((c) => c !== seller));
  const goods = random.pick(random.chance(chplShare) ? CHPL_GOODS : CIVIL_GOODS);
  const shipment = context.ship(seller, buyer, goods, seller.country);
  shipment.date = day(random.int(0, 700));
  shipment.destination = buyer.country;
  let consignee = buyer;
  if (random.chance(0.03)) {
    // A freight forwarder receives on the buyer's behalf.
    consignee = random.pick(pools.hub.filter((c) => c !== seller));
    shipment.receiver = consignee.key;
    shipment.endUser = buyer.key;
  }
  if (!random.chance(0.75)) return;
  const payer = random.chance(0.04) ? random.pick(to) : buyer;
  const payment = context.pay(payer, seller, shipment.amount, "USD", "Payment for goods");
  payment.date = day(random.int(0, 700));
  if (random.chance(0.03)) payment.bankCountry = random.pick(["ae", "hk", "ge", "tr"]);
}

/** Ordinary trade among many companies: civil goods mostly, some CHPL goods, some via hubs. */
export const normalTrade: DemoScheme = {
  name: "normal-trade",
  share: 0.84,
  plant(context) {
    const pools = createPools(context);
    for (let n = 0; n < context.budget; n++) tradeOnce(context, pools);
  },
};
