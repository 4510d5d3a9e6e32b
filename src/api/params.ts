import type { Context } from "hono";
import { SanctraceError } from "../model/index.js";

/** A numeric query parameter within bounds, or the default when absent. */
export function numberParam(
  c: Context,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = c.req.query(name);
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SanctraceError(
      "request_bad_parameter",
      `${name} must be a number from ${min} to ${max}, got "${text}"`,
      name,
    );
  }
  return value;
}

/** A whole-number query parameter within bounds. */
export function integerParam(
  c: Context,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = numberParam(c, name, fallback, min, max);
  if (!Number.isInteger(value)) {
    throw new SanctraceError("request_bad_parameter", `${name} must be a whole number`, name);
  }
  return value;
}

/** The JSON body of a request, refusing anything that does not parse. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new SanctraceError(
      "request_malformed_json",
      'the body is not valid JSON; send {"queries": {...}}',
      "body",
    );
  }
}

/** A field of a form (or query string, for GET) holding JSON, as OpenRefine sends it. */
export async function jsonField(c: Context, name: string): Promise<unknown> {
  let text = c.req.query(name);
  if (text === undefined && c.req.method === "POST") {
    const form = await c.req.parseBody();
    const value = form[name];
    text = typeof value === "string" ? value : undefined;
  }
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SanctraceError("request_malformed_json", `the ${name} field is not valid JSON`, name);
  }
}
