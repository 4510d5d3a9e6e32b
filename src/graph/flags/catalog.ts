/** A public document that describes a red flag. */
export interface FlagSource {
  id: string;
  title: string;
  date: string;
  url: string;
}

/** The public guidance the red flags come from. */
export const flagSources: Record<string, FlagSource> = {
  "fincen-bis-2022": {
    id: "fincen-bis-2022",
    title:
      "FinCEN & BIS Joint Alert: Urge Increased Vigilance for Potential Russian and Belarusian Export Control Evasion Attempts (FIN-2022-Alert003, SAR key term FIN-2022-RUSSIABIS)",
    date: "2022-06-28",
    url: "https://www.fincen.gov/sites/default/files/2022-06/FinCEN%20and%20Bis%20Joint%20Alert%20FINAL.pdf",
  },
  "fincen-bis-2023": {
    id: "fincen-bis-2023",
    title:
      "FinCEN & BIS Supplemental Alert: New Reporting Key Term and Red Flags Relating to Global Evasion of U.S. Export Controls (SAR key term FIN-2023-GLOBALEXPORT)",
    date: "2023-05-19",
    url: "https://www.fincen.gov/sites/default/files/shared/FinCEN%20and%20BIS%20Joint%20Notice%20FINAL%20508C.pdf",
  },
  "tri-seal-2023": {
    id: "tri-seal-2023",
    title:
      "DOJ, Commerce (BIS) & Treasury (OFAC) Tri-Seal Compliance Note: Cracking Down on Third-Party Intermediaries Used to Evade Russia-Related Sanctions and Export Controls",
    date: "2023-03-02",
    url: "https://ofac.treasury.gov/media/931536/download?inline",
  },
};

/**
 * Countries the 2023-05-19 FinCEN/BIS supplemental alert and the 2023-03-02 Tri-Seal note
 * name as common transshipment points for items bound for Russia and Belarus (ISO codes;
 * Hong Kong listed with China, as the alerts do).
 */
export const transshipmentCountries: ReadonlySet<string> = new Set([
  "am",
  "br",
  "cn",
  "hk",
  "ge",
  "in",
  "il",
  "kz",
  "kg",
  "mx",
  "ni",
  "rs",
  "sg",
  "za",
  "tw",
  "tj",
  "tr",
  "ae",
  "uz",
]);

/** Destinations under the Russia/Belarus export controls. */
export const restrictedDestinations: ReadonlySet<string> = new Set(["ru", "by"]);

/** A red flag: its stable code, what it means, where it is documented, and its risk weight. */
export interface FlagDefinition {
  code: string;
  title: string;
  explanation: string;
  sources: string[];
  weight: number;
}

const define = (
  code: string,
  title: string,
  explanation: string,
  sources: string[],
  weight: number,
): FlagDefinition => ({ code, title, explanation, sources, weight });

/** Every red flag sanctrace raises, by code. */
export const flagCatalog: Record<string, FlagDefinition> = Object.fromEntries(
  [
    define(
      "chpl_via_transshipment",
      "CHPL goods to or via a transshipment jurisdiction",
      "Common High Priority List items shipped to, from or through a country the alerts name as a transshipment point for Russia and Belarus.",
      ["fincen-bis-2023", "tri-seal-2023"],
      0.6,
    ),
    define(
      "recently_incorporated",
      "Counterparty incorporated shortly before it traded",
      "The party was incorporated less than a year before its first recorded shipment or payment.",
      ["fincen-bis-2022", "fincen-bis-2023"],
      0.7,
    ),
    define(
      "shared_with_sanctioned",
      "Address, director or account shared with a sanctioned party",
      "The party shares an address, phone, email, director or bank account with a listed party.",
      ["fincen-bis-2022", "tri-seal-2023"],
      1.2,
    ),
    define(
      "third_party_payment",
      "Payment by a party other than the buyer",
      "The payer never received goods from the beneficiary, who ships to others: someone else's purchase is being paid for.",
      ["fincen-bis-2023", "tri-seal-2023"],
      0.8,
    ),
    define(
      "third_country_bank",
      "Payment through a third-country bank",
      "The paying account is held in a country that is neither the payer's nor the beneficiary's.",
      ["fincen-bis-2023"],
      0.5,
    ),
    define(
      "consignee_not_end_user",
      "Consignee differs from the declared end-user",
      "The goods were consigned to a party other than the contract holder named as buyer and end-user.",
      ["fincen-bis-2022", "tri-seal-2023"],
      0.7,
    ),
    define(
      "round_trip",
      "Round-trip pattern",
      "Goods or money leave a party and come back to it through one or two others.",
      ["fincen-bis-2023"],
      0.5,
    ),
    define(
      "sanctioned_after_trade",
      "Counterparty sanctioned after the trade",
      "The party traded with a counterparty that was listed later: the relationship may continue through others.",
      ["fincen-bis-2022", "tri-seal-2023"],
      0.4,
    ),
  ].map((flag) => [flag.code, flag]),
);
