import { SanctraceError } from "../../model/index.js";

/**
 * Parse a whole-number option from 1 to `max`, naming the option in the error.
 * @example parseWholeNumber("--workers", "2", 64) // 2
 */
export function parseWholeNumber(option: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SanctraceError(
      "option_invalid",
      `${option} expects a whole number 1-${max}, got "${text}"`,
    );
  }
  return value;
}

/** Parse `--workers`: threads, a whole number from 1 to 64. */
export function parseWorkers(text: string): number {
  return parseWholeNumber("--workers", text, 64);
}

/** Parse `--limit`: a whole number from 1 to 1000. */
export function parseLimit(text: string): number {
  return parseWholeNumber("--limit", text, 1000);
}

/** Parse `--threshold`: a number in [0, 1]. */
export function parseThreshold(text: string): number {
  const value = Number(text);
  if (!text.trim() || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new SanctraceError(
      "option_invalid",
      `--threshold expects a number from 0 to 1, got "${text}"`,
    );
  }
  return value;
}
