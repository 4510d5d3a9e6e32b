/** A CSV syntax problem: its stable code and the 0-based index of the record it is in. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: "csv_bad_quote" | "csv_unclosed_quote",
    readonly record: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const NEXT_FIELD = -2;
const NEED_MORE = -1;

/**
 * An incremental RFC 4180 CSV scanner over decoded text: quoted fields may hold delimiters,
 * doubled quotes and line breaks; records end at `\n` or `\r\n`; empty lines are skipped.
 * A quote inside an unquoted field, or text after a closing quote, is refused
 * (`csv_bad_quote`), as is a file ending inside quotes (`csv_unclosed_quote`).
 * Lines without any quote are split natively, which is most lines of most lists.
 * @example
 * const scanner = new CsvScanner(",");
 * scanner.push('a,"b,c"\n1,', false); // [["a", "b,c"]]
 * scanner.push("2\n", true); // [["1", "2"]]
 */
export class CsvScanner {
  private pending = "";
  private records = 0;
  /** Position of the next quote in the input being scanned (its length when there is none). */
  private quoteAt = -1;
  private readonly delimiterCode: number;

  constructor(private readonly delimiter = ",") {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Scan `text` after what is pending; `final` marks the end of input. Returns whole records. */
  push(text: string, final: boolean): string[][] {
    const input = this.pending ? this.pending + text : text;
    const out: string[][] = [];
    this.quoteAt = -1;
    let position = 0;
    while (position < input.length) {
      const code = input.charCodeAt(position);
      if (code === LF) {
        position++;
      } else if (code === CR && input.charCodeAt(position + 1) === LF) {
        position += 2;
      } else {
        const end = this.scanRecord(input, position, final, out);
        if (end < 0) break;
        position = end;
      }
    }
    this.pending = input.slice(position);
    return out;
  }

  /** One record from `start`; returns the position after it, or -1 when the input ends first. */
  private scanRecord(input: string, start: number, final: boolean, out: string[][]): number {
    const lineEnd = input.indexOf("\n", start);
    if (lineEnd < 0 && !final) return -1;
    const stop = lineEnd < 0 ? input.length : lineEnd;
    // One search for the next quote serves every line before it.
    if (this.quoteAt < start) {
      const quote = input.indexOf('"', start);
      this.quoteAt = quote < 0 ? input.length : quote;
    }
    if (this.quoteAt < stop) return this.scanQuotedRecord(input, start, final, out);
    const end = stop > start && input.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
    out.push(input.slice(start, end).split(this.delimiter));
    this.records++;
    return stop + 1;
  }

  /** A record holding quoted fields, scanned field by field. */
  private scanQuotedRecord(input: string, start: number, final: boolean, out: string[][]): number {
    const fields: string[] = [];
    let position = start;
    let end = -1;
    while (end < 0) {
      const next =
        input.charCodeAt(position) === QUOTE
          ? this.scanQuoted(input, position, final, fields)
          : this.scanPlain(input, position, final, fields);
      if (next < 0) return -1;
      end = this.recordEnd(input, next, final);
      if (end === NEED_MORE) return -1;
      if (end === NEXT_FIELD) {
        position = next + 1;
        if (position < input.length) continue;
        if (!final) return -1;
        fields.push("");
        end = position;
      }
    }
    out.push(fields);
    this.records++;
    return end;
  }

  /** What follows a field at `at`: the position after its record, or NEXT_FIELD / NEED_MORE. */
  private recordEnd(input: string, at: number, final: boolean): number {
    if (at >= input.length) return at;
    const code = input.charCodeAt(at);
    if (code === this.delimiterCode) return NEXT_FIELD;
    if (code === LF) return at + 1;
    if (code === CR) {
      if (at + 1 >= input.length) return final ? at + 1 : NEED_MORE;
      if (input.charCodeAt(at + 1) === LF) return at + 2;
    }
    throw this.syntaxError("csv_bad_quote", "text after a closing quote");
  }

  /** A quoted field from its opening quote; returns the position after the closing quote. */
  private scanQuoted(input: string, start: number, final: boolean, fields: string[]): number {
    let value = "";
    let from = start + 1;
    for (;;) {
      const quote = input.indexOf('"', from);
      if (quote < 0) {
        if (final) throw this.syntaxError("csv_unclosed_quote", "the input ends inside quotes");
        return -1;
      }
      if (quote + 1 >= input.length && !final) return -1;
      if (input.charCodeAt(quote + 1) !== QUOTE) {
        fields.push(value + input.slice(from, quote));
        return quote + 1;
      }
      value += input.slice(from, quote + 1);
      from = quote + 2;
    }
  }

  /** An unquoted field; returns the position of the delimiter or line break after it. */
  private scanPlain(input: string, start: number, final: boolean, fields: string[]): number {
    let position = start;
    for (; position < input.length; position++) {
      const code = input.charCodeAt(position);
      if (code === this.delimiterCode || code === LF) break;
      if (code === QUOTE)
        throw this.syntaxError("csv_bad_quote", "a quote inside an unquoted field");
    }
    if (position >= input.length && !final) return -1;
    const crlf =
      position > start &&
      input.charCodeAt(position) === LF &&
      input.charCodeAt(position - 1) === CR;
    fields.push(input.slice(start, crlf ? position - 1 : position));
    return position;
  }

  private syntaxError(code: CsvSyntaxError["code"], message: string): CsvSyntaxError {
    return new CsvSyntaxError(code, this.records, message);
  }
}
