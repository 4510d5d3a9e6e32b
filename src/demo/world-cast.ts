import type { DemoCompany } from "./case-types.js";
import { type Cast, chineseCompany, hubCompany, russianCompany } from "./cast.js";

const FIRST = [
  "Ivan",
  "Olga",
  "Dmitry",
  "Elena",
  "Sergey",
  "Anna",
  "Pavel",
  "Irina",
  "Oleg",
  "Marina",
  "Yuri",
  "Tatiana",
];
const LAST = [
  "Lebedev",
  "Sokolov",
  "Orlov",
  "Kuznetsov",
  "Volkov",
  "Morozov",
  "Popov",
  "Zaitsev",
  "Belov",
  "Frolov",
  "Gusev",
  "Titov",
];
const STREETS = [
  "Zavodskaya",
  "Lenina",
  "Mira",
  "Sovetskaya",
  "Gagarina",
  "Pushkina",
  "Kirova",
  "Lesnaya",
];
/** Transshipment countries the normal trade also passes through, with a trading town each. */
export const HUBS: Array<[string, string]> = [
  ["ae", "Jebel Ali Free Zone, Dubai"],
  ["tr", "Istanbul, Kagithane"],
  ["kz", "Almaty, Dostyk Ave"],
  ["am", "Yerevan, Tigran Mets Ave"],
  ["kg", "Bishkek, Chui Ave"],
];

/** A person name no other person of the world has. */
export function worldPerson(cast: Cast): string {
  const { random } = cast;
  for (;;) {
    const name = `${random.pick(FIRST)} ${String.fromCharCode(65 + random.int(0, 25))}. ${random.pick(LAST)}`;
    if (!cast.used.has(name)) {
      cast.used.add(name);
      return name;
    }
  }
}

/** Give a generated company its own director, owner, address and founding year. */
function individualize(cast: Cast, company: DemoCompany, founded: [number, number]): DemoCompany {
  const { random } = cast;
  const director = worldPerson(cast);
  const street = `${random.pick(STREETS)} St ${random.int(1, 250)}, office ${random.int(1, 40)}`;
  company.director = director;
  company.owners = [{ name: director, share: 100 }];
  company.address = `${street}, ${company.address}`;
  company.founded = `${random.int(founded[0], founded[1])}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
  return company;
}

export type WorldCountry = "cn" | "ru" | (typeof HUBS)[number][0];

/**
 * A company of the world in `country`, incorporated between the given years.
 * @example worldCompany(cast, "kz", "background", [2005, 2018]).country // "kz"
 */
export function worldCompany(
  cast: Cast,
  country: string,
  role: DemoCompany["role"],
  founded: [number, number] = [2003, 2019],
): DemoCompany {
  if (country === "cn") return individualize(cast, chineseCompany(cast, role), founded);
  if (country === "ru") return individualize(cast, russianCompany(cast, role), founded);
  const company = individualize(cast, hubCompany(cast, role), founded);
  const [, town] = HUBS.find(([code]) => code === country) ?? HUBS[0]!;
  company.country = country;
  company.key = company.key.replace(/^ae-/, `${country}-`);
  company.address = company.address.replace("Jebel Ali Free Zone, Dubai", town);
  company.bank = `${town.split(",")[0]} Commercial Bank`;
  return company;
}
