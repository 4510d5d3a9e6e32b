import { SanctraceError } from "../../model/index.js";

/** Parse `--limit`: a whole number from 1 to 1000. */
export function parseLimit(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    throw new SanctraceError(
      "option_invalid",
      `--limit expects a whole number 1-1000, got "${text}"`,
    );
  }
  return value;
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
