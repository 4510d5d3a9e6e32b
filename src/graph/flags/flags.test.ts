import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entity, loadEntities } from "../../../test/helpers/ftm.js";
import { SqliteStore } from "../../store/index.js";
import {
  buildGraph,
  citeFlag,
  collectFlagFacts,
  detectFlags,
  EvidenceReader,
  type Graph,
  scoreEntities,
} from "../index.js";

const company = (id: string, country: string, extra: Record<string, string> = {}) =>
  entity("Company", id, { name: `Company ${id}`, country, ...extra });
const ship = (
  id: string,
  sender: string,
  receiver: string,
  date: string,
  hs: string,
  extra: Record<string, string> = {},
) => entity("EconomicActivity", id, { sender, receiver, date, vedCode: hs, ...extra });

const evidence = [
  company("cn-sup", "cn", { incorporationDate: "2009-05-01" }),
  company("ae-hub", "ae", { incorporationDate: "2022-12-01" }),
  company("ru-end", "ru", { address: "ul. Zavodskaya 5, office 12, Izhevsk" }),
  company("ru-shell", "ru", { address: "Ul. Zavodskaya 5, office 12, Izhevsk" }),
  company("kg-payer", "kg"),
  company("kz-fwd", "kz"),
  company("de-a", "de"),
  company("de-b", "de"),
  entity("BankAccount", "acct-kg", { accountNumber: "TR001", country: "tr" }),
  ship("ship-1", "cn-sup", "ae-hub", "2023-01-10", "8542.31", {
    originCountry: "cn",
    destinationCountry: "ae",
  }),
  ship("ship-2", "ae-hub", "ru-end", "2023-02-01", "8542.31", {
    originCountry: "cn",
    departureCountry: "ae",
    destinationCountry: "ru",
  }),
  ship("ship-3", "cn-sup", "kz-fwd", "2023-04-01", "9403.20", { contractHolder: "ru-end" }),
  ship("ship-4", "de-a", "de-b", "2023-01-05", "6110.20"),
  ship("ship-5", "de-b", "de-a", "2023-02-05", "6110.20"),
  entity("Payment", "pay-1", {
    payer: "kg-payer",
    beneficiary: "cn-sup",
    payerAccount: "acct-kg",
    date: "2023-04-02",
    amount: "9000",
  }),
];
const lists = [
  entity("Company", "ru-end", { name: "Company ru-end", topics: "sanction" }),
  entity("Sanction", "sanction-1", {
    entity: "ru-end",
    listingDate: "2023-03-01",
    program: "RUSSIA-EO14024",
  }),
];

describe("red flags and risk", () => {
  let store: SqliteStore;
  let graph: Graph;
  beforeAll(async () => {
    store = new SqliteStore(":memory:");
    await loadEntities(store, "case", "evidence", evidence);
    await loadEntities(store, "list", "list", lists);
    graph = await buildGraph(store);
  });
  afterAll(() => store.close());

  it("raises each flag on the party it concerns, with the records it rests on", async () => {
    const hits = detectFlags(await collectFlagFacts(store), graph);
    expect(
      hits.map(({ code, entity, records, severity }) => [
        code,
        entity,
        records.join(","),
        severity ?? 1,
      ]),
    ).toMatchInlineSnapshot(`
      [
        [
          "chpl_via_transshipment",
          "ae-hub",
          "ship-1",
          1,
        ],
        [
          "chpl_via_transshipment",
          "ru-end",
          "ship-2",
          1,
        ],
        [
          "chpl_via_transshipment",
          "ae-hub",
          "ship-2",
          1,
        ],
        [
          "recently_incorporated",
          "ae-hub",
          "ae-hub,ship-1",
          1,
        ],
        [
          "shared_with_sanctioned",
          "ru-shell",
          "",
          1,
        ],
        [
          "third_party_payment",
          "kg-payer",
          "pay-1",
          1,
        ],
        [
          "third_country_bank",
          "kg-payer",
          "pay-1,acct-kg",
          1,
        ],
        [
          "consignee_not_end_user",
          "kz-fwd",
          "ship-3",
          2,
        ],
        [
          "round_trip",
          "de-a",
          "ship-4,ship-5",
          1,
        ],
        [
          "round_trip",
          "de-b",
          "ship-4,ship-5",
          1,
        ],
        [
          "sanctioned_after_trade",
          "ae-hub",
          "ship-2",
          1,
        ],
      ]
    `);
  });

  it("cites the statements behind a flag", async () => {
    const hits = detectFlags(await collectFlagFacts(store), graph);
    const reader = new EvidenceReader(store, graph);
    const shared = await citeFlag(hits.find((h) => h.code === "shared_with_sanctioned")!, reader);
    expect(shared).toMatchInlineSnapshot(`
      {
        "code": "shared_with_sanctioned",
        "detail": "SharedAddress "ul zavodskaya 5 office 12 izhevsk" with listed ru-end",
        "entity": "ru-shell",
        "evidence": [
          {
            "dataset": "case",
            "locator": "line:3",
            "source": "c35683b4518312adec5c5641facdee50681099e8d996011e6ec240ada9694142",
          },
          {
            "dataset": "case",
            "locator": "line:4",
            "source": "c35683b4518312adec5c5641facdee50681099e8d996011e6ec240ada9694142",
          },
        ],
        "explanation": "The party shares an address, phone, email, director or bank account with a listed party.",
        "sources": [
          {
            "date": "2022-06-28",
            "title": "FinCEN & BIS Joint Alert: Urge Increased Vigilance for Potential Russian and Belarusian Export Control Evasion Attempts (FIN-2022-Alert003, SAR key term FIN-2022-RUSSIABIS)",
            "url": "https://www.fincen.gov/sites/default/files/2022-06/FinCEN%20and%20Bis%20Joint%20Alert%20FINAL.pdf",
          },
          {
            "date": "2023-03-02",
            "title": "DOJ, Commerce (BIS) & Treasury (OFAC) Tri-Seal Compliance Note: Cracking Down on Third-Party Intermediaries Used to Evade Russia-Related Sanctions and Export Controls",
            "url": "https://ofac.treasury.gov/media/931536/download?inline",
          },
        ],
        "title": "Address, director or account shared with a sanctioned party",
      }
    `);
  });

  it("scores entities with each reason's contribution", async () => {
    const risks = scoreEntities(graph, detectFlags(await collectFlagFacts(store), graph));
    expect(risks).toMatchInlineSnapshot(`
      [
        {
          "id": "ae-hub",
          "reasons": [
            {
              "code": "counterparty_sanctioned",
              "contribution": 0.9,
              "count": 1,
              "detail": "trades with listed ru-end",
              "kind": "screening",
            },
            {
              "code": "recently_incorporated",
              "contribution": 0.7,
              "count": 1,
              "detail": "incorporated 40 days before its first trade (ship-1)",
              "kind": "flag",
            },
            {
              "code": "chpl_via_transshipment",
              "contribution": 0.66,
              "count": 2,
              "detail": "CHPL tier 1 goods in ship-1 (cn → ae)",
              "kind": "flag",
            },
            {
              "code": "chpl_tier_1",
              "contribution": 0.4,
              "count": 1,
              "detail": "ships or receives CHPL tier 1 goods",
              "kind": "goods",
            },
            {
              "code": "sanctioned_after_trade",
              "contribution": 0.4,
              "count": 1,
              "detail": "traded with ru-end in ship-2, before its listing",
              "kind": "flag",
            },
          ],
          "score": 3.06,
        },
        {
          "id": "ru-end",
          "reasons": [
            {
              "code": "sanctioned",
              "contribution": 2,
              "count": 1,
              "detail": "listed (topics:ru-end, sanction-1)",
              "kind": "screening",
            },
            {
              "code": "chpl_via_transshipment",
              "contribution": 0.6,
              "count": 1,
              "detail": "CHPL tier 1 goods in ship-2 (cn → ae → ru)",
              "kind": "flag",
            },
            {
              "code": "chpl_tier_1",
              "contribution": 0.4,
              "count": 1,
              "detail": "ships or receives CHPL tier 1 goods",
              "kind": "goods",
            },
          ],
          "score": 3,
        },
        {
          "id": "kz-fwd",
          "reasons": [
            {
              "code": "consignee_not_end_user",
              "contribution": 1.4,
              "count": 1,
              "detail": "consignee of ship-3, declared for ru-end (listed)",
              "kind": "flag",
            },
          ],
          "score": 1.4,
        },
        {
          "id": "kg-payer",
          "reasons": [
            {
              "code": "third_party_payment",
              "contribution": 0.8,
              "count": 1,
              "detail": "paid cn-sup in pay-1 without receiving goods from it",
              "kind": "flag",
            },
            {
              "code": "third_country_bank",
              "contribution": 0.5,
              "count": 1,
              "detail": "paid in pay-1 from an account in tr",
              "kind": "flag",
            },
          ],
          "score": 1.3,
        },
        {
          "id": "ru-shell",
          "reasons": [
            {
              "code": "shared_with_sanctioned",
              "contribution": 1.2,
              "count": 1,
              "detail": "SharedAddress "ul zavodskaya 5 office 12 izhevsk" with listed ru-end",
              "kind": "flag",
            },
          ],
          "score": 1.2,
        },
        {
          "id": "de-a",
          "reasons": [
            {
              "code": "round_trip",
              "contribution": 0.5,
              "count": 1,
              "detail": "de-a → de-b → de-a (ship-4, ship-5)",
              "kind": "flag",
            },
          ],
          "score": 0.5,
        },
        {
          "id": "de-b",
          "reasons": [
            {
              "code": "round_trip",
              "contribution": 0.5,
              "count": 1,
              "detail": "de-a → de-b → de-a (ship-4, ship-5)",
              "kind": "flag",
            },
          ],
          "score": 0.5,
        },
      ]
    `);
  });
});
