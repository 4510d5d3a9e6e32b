/** A problem found in input or state, with a stable snake_case code and where it happened. */
export class SanctraceError extends Error {
  readonly code: string;
  /** Where the problem is: `file:line`, `file row:N`, `file xpath:/a/b`, or an entity id. */
  readonly path: string | undefined;

  constructor(code: string, message: string, path?: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = "SanctraceError";
    this.code = code;
    this.path = path;
  }

  toJSON(): { code: string; path: string | undefined; message: string } {
    return { code: this.code, path: this.path, message: this.message };
  }
}

/** True when `error` is one of ours, so a shell can print it in one line. */
export function isSanctraceError(error: unknown): error is SanctraceError {
  return error instanceof SanctraceError;
}
