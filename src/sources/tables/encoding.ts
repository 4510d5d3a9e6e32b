import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";
import { SanctraceError } from "../../model/index.js";

/** The encodings sanctrace reads tables in, by their iconv-lite names. */
const KNOWN: Record<string, string> = {
  "utf-8": "utf8",
  utf8: "utf8",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be",
  "windows-1251": "win1251",
  cp1251: "win1251",
  "koi8-r": "koi8r",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
  big5: "big5",
  "windows-1252": "win1252",
  "iso-8859-1": "win1252",
};

/** What was found about a file's bytes. */
export interface DetectedEncoding {
  /** iconv-lite name: `utf8`, `utf16le`, `win1251`, `koi8r`, `gb18030`, `big5`, ... */
  encoding: string;
  /** How it was decided: a byte-order mark, valid UTF-8, chardet, or the user. */
  by: "bom" | "utf8" | "chardet" | "user";
}

function fromBom(head: Buffer): string | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf16be";
  return undefined;
}

/** UTF-16 without a BOM: text in Latin or Cyrillic leaves one byte of most pairs at zero. */
function sniffUtf16(head: Buffer): string | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < pairs; index++) {
    if (head[2 * index] === 0) evenZero++;
    if (head[2 * index + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf16be";
  return undefined;
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function looksUtf8(head: Buffer, complete: boolean): boolean {
  if (complete) return isUtf8(head);
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) return true;
  }
  return false;
}

/**
 * Normalize a user-given encoding name to its iconv-lite name, refusing unknown ones.
 * @example encodingName("Windows-1251") // "win1251"
 */
export function encodingName(name: string): string {
  const lower = name.toLowerCase();
  const known = KNOWN[lower] ?? (iconv.encodingExists(lower) ? lower : undefined);
  if (!known) {
    throw new SanctraceError(
      "encoding_unknown",
      `unknown encoding "${name}"; use utf-8, utf-16le, windows-1251, koi8-r, gb18030 or big5`,
    );
  }
  return known;
}

/**
 * Detect the encoding of a file from its first bytes: a BOM, then BOM-less UTF-16, then valid
 * UTF-8, then chardet's best candidate among the encodings we know.
 * @example detectEncoding(iconv.encode("Вектор, Ижевск", "win1251"), true).encoding // "win1251"
 */
export function detectEncoding(head: Buffer, complete: boolean, path?: string): DetectedEncoding {
  const bom = fromBom(head);
  if (bom) return { encoding: bom, by: "bom" };
  const utf16 = sniffUtf16(head);
  if (utf16) return { encoding: utf16, by: "bom" };
  if (looksUtf8(head, complete)) return { encoding: "utf8", by: "utf8" };
  for (const candidate of chardet.analyse(head)) {
    const known = KNOWN[candidate.name.toLowerCase()];
    if (known && known !== "utf8" && candidate.confidence >= 10) {
      return { encoding: known, by: "chardet" };
    }
  }
  throw new SanctraceError(
    "encoding_undetected",
    "cannot tell the text encoding; pass --encoding (utf-8, windows-1251, koi8-r, gb18030, big5)",
    path,
  );
}
