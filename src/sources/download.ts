import { createHash } from "node:crypto";
import { open, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { SanctraceError } from "../model/index.js";

export interface DownloadOptions {
  /** Refuse bodies larger than this (default 512 MiB). */
  maxBytes?: number;
  /** Tries per file, the first included (default 4). */
  attempts?: number;
  /** Wait before the first retry, doubled each time (default 1000 ms). */
  backoffMs?: number;
  /** Per-request timeout, body included (default 300 s). */
  timeoutMs?: number;
  /** A pinned sha256 the file must have. */
  sha256?: string;
}

export interface Downloaded {
  url: string;
  path: string;
  sha256: string;
  size: number;
  attempts: number;
}

const DEFAULTS = { maxBytes: 512 * 1024 * 1024, attempts: 4, backoffMs: 1000, timeoutMs: 300_000 };

/** A failure worth retrying: a network error, a 5xx/429, a cut-off or corrupted body. */
class TransientError extends SanctraceError {}

function tooLarge(url: string, size: number, maxBytes: number): SanctraceError {
  return new SanctraceError(
    "download_too_large",
    `the response is ${size} bytes or more, over the cap of ${maxBytes}; raise --max-bytes if the list really grew`,
    url,
  );
}

/**
 * The sha256 a server states in `Repr-Digest` / `Digest` (RFC 9530 / 3230), as hex.
 * @example statedSha256(new Headers({ digest: "SHA-256=q83v…" })) // "abcd…"
 */
export function statedSha256(headers: Headers): string | undefined {
  const header =
    headers.get("repr-digest") ?? headers.get("content-digest") ?? headers.get("digest");
  const base64 = header && /sha-256=:?([A-Za-z0-9+/=]+):?/i.exec(header)?.[1];
  return base64 ? Buffer.from(base64, "base64").toString("hex") : undefined;
}

async function request(url: string, timeoutMs: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    throw new TransientError("download_failed", `cannot fetch: ${(error as Error).message}`, url);
  }
  if (response.ok) return response;
  await response.body?.cancel();
  const message = `the server answered HTTP ${response.status}`;
  if (response.status >= 500 || response.status === 429) {
    throw new TransientError("download_failed", message, url);
  }
  throw new SanctraceError("download_failed", message, url);
}

/** Stream a body to `path`, hashing and counting; refuse it once it passes the cap. */
async function saveBody(response: Response, url: string, path: string, maxBytes: number) {
  const hash = createHash("sha256");
  const file = await open(path, "w");
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(url, size, maxBytes);
      hash.update(chunk);
      await file.write(chunk);
    }
  } catch (error) {
    if (error instanceof SanctraceError) throw error;
    throw new TransientError(
      "download_truncated",
      `the connection broke after ${size} bytes (${(error as Error).message})`,
      url,
    );
  } finally {
    await file.close();
  }
  return { sha256: hash.digest("hex"), size };
}

function verify(
  response: Response,
  url: string,
  saved: { sha256: string; size: number },
  pinned?: string,
) {
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) !== saved.size) {
    throw new TransientError(
      "download_truncated",
      `received ${saved.size} bytes but the server announced ${declared}`,
      url,
    );
  }
  const stated = statedSha256(response.headers);
  if (stated && stated !== saved.sha256) {
    throw new TransientError(
      "download_checksum_mismatch",
      `sha256 ${saved.sha256} differs from the server's digest ${stated}`,
      url,
    );
  }
  if (pinned && pinned.toLowerCase() !== saved.sha256) {
    throw new SanctraceError(
      "download_checksum_mismatch",
      `sha256 ${saved.sha256} differs from the pinned ${pinned}; the publisher changed the file or it was tampered with`,
      url,
    );
  }
}

async function downloadOnce(url: string, path: string, options: typeof DEFAULTS & DownloadOptions) {
  const response = await request(url, options.timeoutMs);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, declared, options.maxBytes);
  }
  const saved = await saveBody(response, url, path, options.maxBytes);
  verify(response, url, saved, options.sha256);
  return saved;
}

/**
 * Download `url` to `path` with retries and exponential backoff, a size cap, a length check
 * and sha256 verification (server digest header and/or a pinned value). On failure the
 * partial file is removed and a coded error names the URL.
 * @example const { sha256 } = await downloadFile("https://…/consolidated.xml", "/tmp/un.xml");
 */
export async function downloadFile(
  url: string,
  path: string,
  options: DownloadOptions = {},
): Promise<Downloaded> {
  const settings = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      const saved = await downloadOnce(url, path, settings);
      return { url, path, ...saved, attempts: attempt };
    } catch (error) {
      await rm(path, { force: true });
      if (!(error instanceof TransientError) || attempt >= settings.attempts) {
        throw error instanceof TransientError
          ? new SanctraceError(
              error.code,
              `${error.message.replace(`${url}: `, "")} (after ${attempt} tries)`,
              url,
            )
          : error;
      }
      await sleep(settings.backoffMs * 2 ** (attempt - 1));
    }
  }
}
