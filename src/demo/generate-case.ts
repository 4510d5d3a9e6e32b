import type { DemoCase, DemoCompany } from "./case-types.js";
import { createCast, russianCompany } from "./cast.js";
import { type DemoScheme, demoSchemes, type SchemeContext } from "./generate.js";
import { createRandom } from "./random.js";

export interface GenerateOptions {
  seed?: number;
  /** About how many customs rows the case has. */
  size?: number;
  schemes?: DemoScheme[];
}

function isoDay(start: number, offset: number): string {
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Generate a fictional case: companies in three countries with names in Latin, Cyrillic and
 * Chinese, customs declarations, payments and register records, plus what each planted
 * scheme hides in them (the ground truth). The same seed gives the same case.
 * @example const demo = generateCase({ seed: 7, size: 40 }); demo.findings[0].scheme // "transshipment-hub"
 */
export function generateCase(options: GenerateOptions = {}): DemoCase {
  const seed = options.seed ?? 7;
  const size = Math.max(10, options.size ?? 40);
  const random = createRandom(seed);
  const cast = createCast(random);
  const demo: DemoCase = { seed, size, companies: [], shipments: [], payments: [], findings: [] };
  const start = Date.UTC(2024, 0, 8);
  const broker: DemoCompany = russianCompany(cast, "broker");
  demo.companies.push(broker);
  const context: Omit<SchemeContext, "budget"> = {
    random,
    cast,
    addCompany: (company) => {
      demo.companies.push(company);
      return company;
    },
    ship: (sender, receiver, [hs, goods, unitValue], via) => {
      const index = demo.shipments.length;
      const date = isoDay(start, index * 3 + random.int(0, 2));
      const shipment = {
        key: `shipment-${index + 1}`,
        date,
        ccd: `10702070/${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}/${String(3000000 + index * 17).padStart(7, "0")}`,
        sender: sender.key,
        receiver: receiver.key,
        declarant: broker.key,
        hs,
        goods,
        origin: sender.country,
        departure: via,
        destination: "ru",
        amount: unitValue * random.int(2, 40),
        currency: "USD",
      };
      demo.shipments.push(shipment);
      return shipment;
    },
    pay: (payer, beneficiary, amount, currency, purpose) => {
      const index = demo.payments.length;
      const payment = {
        key: `payment-${index + 1}`,
        date: isoDay(start, index * 3 + random.int(3, 9)),
        payer: payer.key,
        beneficiary: beneficiary.key,
        amount,
        currency,
        purpose,
        reference: `PMT${String(880000 + index * 7)}`,
      };
      demo.payments.push(payment);
      return payment;
    },
    find: (finding) => demo.findings.push(finding),
  };
  for (const scheme of options.schemes ?? demoSchemes) {
    scheme.plant({ ...context, budget: Math.round(size * scheme.share) });
  }
  return demo;
}
