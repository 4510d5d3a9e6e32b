import type { Random } from "./random.js";

/**
 * A Russian company INN (10 digits) with a valid check digit.
 * @example innCode(createRandom(1)) // "77…" 10 digits
 */
export function innCode(random: Random, region = "18"): string {
  const body = `${region}${random.digits(7)}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return `${body}${(sum % 11) % 10}`;
}

/** A Russian OGRN (13 digits) with a valid check digit. */
export function ogrnCode(random: Random): string {
  const body = `1${random.digits(2)}${random.digits(9)}`;
  return `${body}${(BigInt(body) % 11n) % 10n}`;
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A Chinese unified social credit code (18 characters) with a valid check character. */
export function usccCode(random: Random, area = "440300"): string {
  const tail = Array.from({ length: 9 }, () => USCC_CHARS[random.int(0, 30)]).join("");
  const body = `91${area}${tail}`;
  const sum = [...body].reduce(
    (total, char, index) => total + USCC_CHARS.indexOf(char) * USCC_WEIGHTS[index]!,
    0,
  );
  return `${body}${USCC_CHARS[(31 - (sum % 31)) % 31]}`;
}

/** A UAE free-zone licence number. */
export function licenceNumber(random: Random): string {
  return `FZE-${random.digits(6)}`;
}
