import type { Statement } from "../model/index.js";

/** Statements per batch handed to the store: large enough to amortize, small enough to stream. */
export const BATCH_SIZE = 5000;

/**
 * Collects statements and hands them out in batches of about `size`.
 * @example
 * const batcher = new StatementBatcher();
 * for (const row of rows) yield* batcher.add(statementsOf(row));
 * yield* batcher.flush();
 */
export class StatementBatcher {
  private batch: Statement[] = [];

  constructor(private readonly size = BATCH_SIZE) {}

  /** Add statements; yields a full batch when one is ready. */
  *add(statements: readonly Statement[]): Generator<Statement[]> {
    for (const statement of statements) this.batch.push(statement);
    if (this.batch.length >= this.size) yield* this.flush();
  }

  /** Yield what is left. */
  *flush(): Generator<Statement[]> {
    if (!this.batch.length) return;
    const full = this.batch;
    this.batch = [];
    yield full;
  }
}
