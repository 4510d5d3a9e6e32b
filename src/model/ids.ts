import { createHash } from "node:crypto";

/**
 * A deterministic id from a prefix and the parts that identify a record, so that loading the
 * same file twice yields the same ids.
 * @example makeId("acme", "Company", "7700000000") // "acme-3f1c…" (40 hex chars)
 */
export function makeId(prefix: string, ...parts: Array<string | number | undefined>): string {
  const hash = createHash("sha1");
  for (const part of parts) {
    hash.update(String(part ?? ""));
    hash.update("\u001f");
  }
  return `${prefix}-${hash.digest("hex")}`;
}

/**
 * An id that keeps a source's own key readable, cleaned of characters that break URLs.
 * @example slugId("ofac", "12345") // "ofac-12345"
 */
export function slugId(prefix: string, key: string | number): string {
  const cleaned = String(key)
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${prefix}-${cleaned}`;
}

/** sha256 hex of a buffer or string. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
