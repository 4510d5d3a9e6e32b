const WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];
const ORDINALS = [
  "",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(token: string): number | undefined {
  // Two letters at least: a lone "i" or "v" is an initial.
  if (token.length < 2 || !/^(x{0,3})(ix|iv|v?i{0,3})$/.test(token)) return undefined;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const value = ROMAN[token[i]!]!;
    const next = ROMAN[token[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * The number a token stands for: digits, ordinals (1st), number words (three, first) or
 * roman numerals of two letters or more (ii, xiv); undefined for other words.
 * @example numberValue("three") // 3
 * @example numberValue("1st") // 1
 * @example numberValue("xiii") // 13
 */
export function numberValue(token: string): number | undefined {
  const digits = /^(\d+)(st|nd|rd|th)?$/.exec(token);
  if (digits) return Number(digits[1]);
  const word = WORDS.indexOf(token);
  if (word >= 0) return word;
  const ordinal = ORDINALS.indexOf(token);
  if (ordinal > 0) return ordinal;
  return romanValue(token);
}
