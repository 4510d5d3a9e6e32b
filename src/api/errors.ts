import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isSanctraceError } from "../model/index.js";
import type { ErrorResponse } from "./types.js";

/** Codes that are not the client's fault or not a plain 400. */
const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  route_not_found: 404,
  request_too_large: 413,
  store_open_failed: 500,
  store_backend_unavailable: 503,
};

/** The HTTP status for a SanctraceError code: `*_not_found` is 404, input problems 400. */
export function statusForCode(code: string): ContentfulStatusCode {
  return STATUS_BY_CODE[code] ?? (code.endsWith("_not_found") ? 404 : 400);
}

/** The JSON body of an error response. */
export function errorBody(code: string, message: string, path?: string): ErrorResponse {
  return { error: { code, message, ...(path ? { path } : {}) } };
}

/**
 * The one error handler of the app: known errors become 4xx JSON, anything else a 500
 * without a stack trace (the stack goes to `log`).
 * @example app.onError(createErrorHandler(console.error));
 */
export function createErrorHandler(log: (error: unknown) => void) {
  return (error: Error, c: Context): Response => {
    if (isSanctraceError(error)) {
      // The path travels in its own field, so the message drops its `path: ` prefix.
      const prefix = error.path ? `${error.path}: ` : "";
      const message = error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
      const body = errorBody(error.code, message, error.path);
      return c.json(body, statusForCode(error.code));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody("http_error", error.message), error.status as ContentfulStatusCode);
    }
    log(error);
    return c.json(errorBody("internal_error", "internal server error; see the server log"), 500);
  };
}
