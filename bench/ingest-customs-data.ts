/** The generated customs table and company register of `bench/ingest-customs.ts`. */
import { createWriteStream } from "node:fs";
import { makeId, type Statement } from "../src/model/index.js";
import type { Store } from "../src/store/index.js";

const SENDERS = 4000;
const RECEIVERS = 6000;
const DECLARANTS = 150;
export const PARTIES = SENDERS + RECEIVERS + DECLARANTS;
const GOODS = [
  "Unmanned aerial vehicle",
  "Piston engine for UAV",
  "GNSS navigation module",
  "Microcontrollers",
  "Antenna assembly",
  "Lithium battery pack",
  "Servo drive",
  "Thermal camera",
];

function inn(index: number): string {
  return String(7700000000 + index * 7919).slice(0, 10);
}

/** Write the customs table: senders, receivers and declarants drawn from fixed pools. */
export async function writeCustoms(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    "date,ccd number,sender,sender country,receiver,receiver inn,declarant,declarant inn,hs code,goods description,origin country,departure country,destination country,invoice amount,currency\n",
  );
  for (let row = 0; row < rows; row++) {
    const sender = (row * 7) % SENDERS;
    const receiver = (row * 13) % RECEIVERS;
    const declarant = row % DECLARANTS;
    const day = String((row % 28) + 1).padStart(2, "0");
    const line = `2024-03-${day},10702070/${day}0324/${String(row).padStart(7, "0")},Shenzhen Sender ${sender} Technology Co. Ltd.,CN,Receiver ${receiver} LLC,${inn(receiver)},Broker ${declarant} LLC,${inn(100000 + declarant)},8806${String(row % 100).padStart(2, "0")}0000,${GOODS[row % GOODS.length]} model ${row % 97},CN,HK,RU,"${((row * 37) % 900000) + 100}.50",USD\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function registerStatements(): Statement[] {
  const batch: Statement[] = [];
  for (let index = 0; index < 20_000; index++) {
    // A tenth of the receivers are registered (same name and INN); the rest are others.
    const known = index % 10 === 0 ? index / 10 : RECEIVERS + index;
    const base = {
      entityId: makeId("register", index),
      schema: "Company",
      dataset: "register",
      source: "0".repeat(64),
      locator: `row:${index + 2}`,
    };
    batch.push(
      { ...base, prop: "name", value: `Receiver ${known} LLC` },
      { ...base, prop: "innCode", value: inn(known) },
    );
  }
  return batch;
}

/** A register of 20k companies as FtM statements. */
export async function seedRegister(store: Store): Promise<void> {
  async function* batches() {
    yield registerStatements();
  }
  await store.replaceDataset(
    { name: "register", title: "register", kind: "list", sources: [] },
    batches(),
  );
}
