/** The roles companies play in a generated case. */
export type Role =
  | "manufacturer"
  | "supplier"
  | "intermediary"
  | "end-user"
  | "broker"
  | "bank"
  | "background";

/** A fictional company, with its names in each script and its register numbers. */
export interface DemoCompany {
  key: string;
  role: Role;
  country: string;
  latin: string;
  cyrillic?: string;
  chinese?: string;
  identifiers: {
    innCode?: string;
    ogrnCode?: string;
    uscCode?: string;
    registrationNumber?: string;
  };
  address: string;
  director: string;
  owners: Array<{ name: string; share: number; company?: string }>;
  founded: string;
  bank?: string;
  account?: string;
  /** Country of the bank holding `account` (default: the company's country). */
  bankCountry?: string;
  /** The day the company was put on a sanctions list, when it was. */
  listed?: string;
}

export interface DemoShipment {
  key: string;
  date: string;
  ccd: string;
  sender: string;
  receiver: string;
  declarant: string;
  hs: string;
  goods: string;
  origin: string;
  departure: string;
  destination: string;
  amount: number;
  currency: string;
  /** The buyer and end-user the contract names, when it is not the consignee. */
  endUser?: string;
}

export interface DemoPayment {
  key: string;
  date: string;
  payer: string;
  beneficiary: string;
  amount: number;
  currency: string;
  purpose: string;
  reference: string;
  /** Paid from an account in this country instead of the payer's usual one. */
  bankCountry?: string;
}

/** What a planted scheme adds to the truth: what an analyst should find, and where. */
export interface PlantedFinding {
  scheme: string;
  description: string;
  companies: string[];
  shipments: string[];
  payments: string[];
  /** The unlisted parties an analyst should surface (the listed ones screening finds anyway). */
  hidden?: string[];
  /** Ownership structures that must NOT be blocked by the 50% rule (just below 50%). */
  controls?: string[];
}

export interface DemoCase {
  seed: number;
  size: number;
  companies: DemoCompany[];
  shipments: DemoShipment[];
  payments: DemoPayment[];
  findings: PlantedFinding[];
}
