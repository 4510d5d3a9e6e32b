import { EntityBuilder, type Statement } from "../src/model/index.js";
import type { Store } from "../src/store/index.js";
import { random } from "./trace-paths-world.js";

const hs = ["8806.22", "8407.10", "8542.31", "6109.10", "8482.10", "0304.71"];

function* worldEntities(shipments: number): Iterable<Statement[]> {
  const next = random(7);
  const parties = Math.max(100, Math.round(shipments / 5));
  const context = { dataset: "trade", source: "0".repeat(64) };
  const pick = () => `party-${Math.floor(next() * parties)}`;
  let batch: Statement[] = [];
  const add = (builder: EntityBuilder) => {
    batch.push(...builder.statements);
  };
  for (let n = 0; n < parties; n++) {
    const company = new EntityBuilder("Company", `party-${n}`, context);
    company
      .add("name", `Party ${n} Trading`, `row:${n}`)
      .add("country", ["cn", "hk", "ru", "tr"][n % 4], `row:${n}`);
    company.add("address", `${n % 997} Harbour Road`, `row:${n}`);
    add(company);
  }
  for (let s = 0; s < shipments; s++) {
    const activity = new EntityBuilder("EconomicActivity", `gtd-${s}`, context);
    const locator = `row:${parties + s}`;
    activity.add("sender", pick(), locator).add("receiver", pick(), locator);
    activity.add("date", `2023-${String(1 + (s % 12)).padStart(2, "0")}-15`, locator);
    activity
      .add("vedCode", hs[s % hs.length], locator)
      .add("goodsDescription", `goods ${s % 50}`, locator);
    add(activity);
    if (s % 5 === 0) {
      const payment = new EntityBuilder("Payment", `pay-${s}`, context);
      payment
        .add("payer", pick(), locator)
        .add("beneficiary", pick(), locator)
        .add("amount", "1000", locator);
      add(payment);
      const ownership = new EntityBuilder("Ownership", `own-${s}`, context);
      ownership
        .add("owner", pick(), locator)
        .add("asset", pick(), locator)
        .add("percentage", "51", locator);
      add(ownership);
    }
    if (batch.length > 5000) {
      yield batch;
      batch = [];
    }
  }
  yield batch;
}

/** Load a synthetic trade dataset and a sanctions list into a store. */
export async function loadStoreWorld(store: Store, shipments: number): Promise<void> {
  async function* batches() {
    yield* worldEntities(shipments);
  }
  await store.replaceDataset(
    { name: "trade", title: "trade", kind: "evidence", sources: [] },
    batches(),
  );
  async function* sanctions() {
    const sanction = new EntityBuilder("Sanction", "sanction-1", {
      dataset: "list",
      source: "1".repeat(64),
    });
    for (let n = 0; n < 50; n++) sanction.add("entity", `party-${n * 7}`, `row:${n}`);
    yield sanction.statements;
  }
  await store.replaceDataset(
    { name: "list", title: "list", kind: "list", sources: [] },
    sanctions(),
  );
}
