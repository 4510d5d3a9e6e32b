import chardet from "chardet";
import iconv from "iconv-lite";
import { SanctraceError } from "../../model/index.js";

/** Text decoded from bytes, with the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: string;
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];
/** Below this chardet confidence (0-100) a guess is refused rather than trusted. */
const MIN_CONFIDENCE = 30;

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const [marks, encoding] of BOMS) {
    if (marks.every((mark, index) => bytes[index] === mark)) {
      return { encoding, length: marks.length };
    }
  }
  return undefined;
}

/** `line:N byte:M` of the first character that did not decode. */
function placeOfBadByte(text: string, encoding: string): string {
  const index = text.indexOf("\uFFFD");
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return `line:${line} byte:${iconv.encode(before, encoding).length}`;
}

function decodeStrictly(bytes: Uint8Array, encoding: string, file: string): string {
  if (!iconv.encodingExists(encoding)) {
    throw new SanctraceError(
      "text_encoding_unsupported",
      `declared encoding "${encoding}" is unknown; re-save the file as UTF-8`,
      file,
    );
  }
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: false });
  if (text.includes("\uFFFD")) {
    throw new SanctraceError(
      "text_encoding_invalid",
      `bytes that are not valid ${encoding}; re-save the file in one encoding (UTF-8)`,
      `${file} ${placeOfBadByte(text, encoding)}`,
    );
  }
  return text;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Guess a legacy encoding; a weak or non-text guess is an error, not a silent mojibake. */
function refuseBinary(bytes: Uint8Array, file: string): void {
  if (bytes.includes(0)) {
    throw new SanctraceError(
      "text_binary",
      "NUL bytes in a text file without a UTF-16 byte order mark; this is not plain text",
      `${file} byte:${bytes.indexOf(0)}`,
    );
  }
}

function guessEncoding(bytes: Uint8Array, file: string): string {
  const best = chardet.analyse(bytes)[0];
  if (!best || best.confidence < MIN_CONFIDENCE || !iconv.encodingExists(best.name)) {
    const found = best ? `${best.name} at ${best.confidence}%` : "nothing";
    throw new SanctraceError(
      "text_encoding_unknown",
      `not UTF-8 and no encoding fits well (best guess ${found}); re-save the file as UTF-8`,
      file,
    );
  }
  return best.name.toLowerCase();
}

/**
 * Decode text bytes: a byte order mark or a declared encoding wins, valid UTF-8 comes next,
 * else the encoding is detected (Windows-1251, KOI8-R, GB18030, Big5 …). Undecodable bytes
 * raise `text_encoding_invalid` naming the line and byte.
 * @example decodeText(iconv.encode("Купол", "win1251"), "a.txt").encoding // "windows-1251"
 */
export function decodeText(bytes: Uint8Array, file: string, declared?: string): DecodedText {
  const bom = bomEncoding(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (!bom) refuseBinary(body, file);
  const encoding =
    bom?.encoding ??
    declared?.toLowerCase() ??
    (isUtf8(body) ? "utf-8" : guessEncoding(body, file));
  const text = decodeStrictly(body, encoding, file);
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
}
