/** Honorifics and titles that often precede a person's name and say nothing about who it is. */
const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "sir",
  "dame",
  "lord",
  "lady",
  "monsieur",
  "madame",
  "mademoiselle",
  "herr",
  "frau",
  "senor",
  "senora",
  "president",
  "prasident",
  "presidente",
  "gen",
  "general",
  "col",
  "colonel",
  "maj",
  "major",
  "capt",
  "captain",
  "lt",
  "admiral",
  "prof",
  "professor",
  "dr",
  "doctor",
  "rev",
  "reverend",
  "imam",
  "mullah",
  "sheikh",
  "shaikh",
  "king",
  "queen",
  "prince",
  "princess",
  "emir",
  "sultan",
  "hon",
  "honorable",
  "minister",
  "gospodin",
  "gospozha",
  "tovarishch",
]);

/** East Slavic patronymic endings (Vladimirovich, Ivanovna, Ilyich, Sergeyevna). */
const PATRONYMIC = /(ovich|evich|ovych|evych|ovna|evna|ivna|ich|ichna|ovic|evic|yevich|ievich)$/;

/**
 * True for honorifics (Mr, Monsieur, President, General) that carry no identity.
 * @example isTitle("monsieur") // true
 */
export function isTitle(token: string): boolean {
  return TITLES.has(token);
}

/**
 * True for a token that looks like an East Slavic patronymic, often left out of a name.
 * @example isPatronymic("vladimirovich") // true
 * @example isPatronymic("ivanov") // false
 */
export function isPatronymic(token: string): boolean {
  return token.length > 6 && PATRONYMIC.test(token);
}
