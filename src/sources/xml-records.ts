import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import type * as Saxes from "saxes";
import { requireCommonJs, SanctraceError } from "../model/index.js";
import type { SourceInput } from "./types.js";

const { SaxesParser } = requireCommonJs("saxes") as typeof Saxes;

/** An element of a list record, kept in memory only while its record is read. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** All text below the element in document order, children included (with `mixedText`). */
  allText: string;
  /** Absolute path, e.g. `/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[12]/INDIVIDUAL_ALIAS[2]`. */
  xpath: string;
  line: number;
}

export interface XmlReadOptions {
  onBytes?: ((bytes: number) => void) | undefined;
  /** Keep `allText` (document-order text of mixed content); costs memory on big records. */
  mixedText?: boolean;
}

interface OpenElement {
  name: string;
  xpath: string;
  /** How many children of each name were opened so far, for `[n]` positions. */
  counts: Map<string, number>;
  node?: XmlNode;
}

function refuseDoctype(file: SourceInput, line: number): never {
  throw new SanctraceError(
    "xml_doctype_refused",
    "XML with a DOCTYPE or entity declarations is refused before expansion " +
      "(billion laughs, external entities); official lists have none: fetch the file again",
    `${file.name} line:${line}`,
  );
}

/** Containers keep `[n]` only past the first; a record always carries its position. */
function childPath(parent: OpenElement | undefined, name: string, isRecord: boolean): string {
  if (!parent) return `/${name}`;
  const position = (parent.counts.get(name) ?? 0) + 1;
  parent.counts.set(name, position);
  return isRecord || position > 1
    ? `${parent.xpath}/${name}[${position}]`
    : `${parent.xpath}/${name}`;
}

/** Inside a finished record, `[n]` marks only names that repeat among siblings. */
function assignPaths(node: XmlNode): void {
  const totals = new Map<string, number>();
  for (const child of node.children) totals.set(child.name, (totals.get(child.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const child of node.children) {
    const position = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, position);
    const suffix = (totals.get(child.name) ?? 0) > 1 ? `[${position}]` : "";
    child.xpath = `${node.xpath}/${child.name}${suffix}`;
    assignPaths(child);
  }
}

/**
 * Parse a file with saxes and call `onRecord` for each complete element named in `records`
 * (its subtree built in memory). DOCTYPE/ENTITY declarations and malformed or truncated XML
 * throw coded errors with the file and line.
 */
function createRecordParser(
  file: SourceInput,
  records: ReadonlySet<string>,
  mixedText: boolean,
  onRecord: (node: XmlNode) => void,
): Saxes.SaxesParser {
  const parser = new SaxesParser({ fileName: file.name });
  const stack: OpenElement[] = [];
  parser.on("doctype", () => refuseDoctype(file, parser.line));
  parser.on("opentag", (tag) => {
    const parent = stack[stack.length - 1];
    const inRecord = parent?.node !== undefined;
    const xpath = inRecord ? "" : childPath(parent, tag.name, records.has(tag.name));
    const open: OpenElement = { name: tag.name, xpath, counts: new Map() };
    if (inRecord || records.has(tag.name)) {
      const attributes = tag.attributes as Record<string, string>;
      open.node = {
        name: tag.name,
        attributes,
        children: [],
        text: "",
        allText: "",
        xpath,
        line: parser.line,
      };
      if (inRecord) parent.node!.children.push(open.node);
    }
    stack.push(open);
  });
  const appendText = (text: string) => {
    const node = stack[stack.length - 1]?.node;
    if (!node) return;
    node.text += text;
    if (!mixedText) return;
    for (let index = stack.length - 1; stack[index]?.node; index--)
      stack[index]!.node!.allText += text;
  };
  parser.on("text", appendText);
  parser.on("cdata", appendText);
  parser.on("closetag", () => {
    const closed = stack.pop();
    if (closed?.node && !stack[stack.length - 1]?.node) {
      assignPaths(closed.node);
      onRecord(closed.node);
    }
  });
  return parser;
}

/** Decode a chunk, refusing invalid UTF-8 with the line it is on. */
function decodeChunk(
  decoder: TextDecoder,
  chunk: Buffer,
  file: SourceInput,
  line: number,
  last = false,
): string {
  try {
    return decoder.decode(chunk, { stream: !last });
  } catch {
    const lenient = chunk.toString("utf8");
    const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")));
    const offset = before.split("\n").length - 1;
    throw new SanctraceError(
      "encoding_invalid_utf8",
      "invalid UTF-8 in an XML list; fetch the file again",
      `${file.name} line:${line + offset}`,
    );
  }
}

/** Turn saxes errors (and invalid UTF-8) into `xml_malformed` with the file and line. */
function toXmlError(error: unknown, file: SourceInput, line: number): Error {
  if (error instanceof SanctraceError) return error;
  const message = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, "");
  return new SanctraceError(
    "xml_malformed",
    `malformed or truncated XML (${message}); fetch the file again`,
    `${file.name} line:${line}`,
  );
}

/**
 * Stream the record elements of an XML file, a batch per chunk read, without building the
 * whole document.
 * @example for await (const records of readXmlRecords(file, new Set(["INDIVIDUAL"]))) …
 */
export async function* readXmlRecords(
  file: SourceInput,
  records: ReadonlySet<string>,
  options: XmlReadOptions = {},
): AsyncIterable<XmlNode[]> {
  const { onBytes, mixedText = false } = options;
  let ready: XmlNode[] = [];
  const parser = createRecordParser(file, records, mixedText, (node) => ready.push(node));
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(file.path)) {
      parser.write(decodeChunk(decoder, chunk as Buffer, file, parser.line));
      onBytes?.((chunk as Buffer).length);
      if (ready.length) {
        yield ready;
        ready = [];
      }
    }
    parser.write(decodeChunk(decoder, Buffer.alloc(0), file, parser.line, true));
    parser.close();
  } catch (error) {
    throw toXmlError(error, file, parser.line);
  }
  if (ready.length) yield ready;
}

/**
 * The trimmed text of the first child named `name`, or undefined.
 * @example childText(individual, "DATAID") // "6907993"
 */
export function childText(node: XmlNode, name: string): string | undefined {
  const text = node.children.find((child) => child.name === name)?.text.trim();
  return text ? text : undefined;
}

/**
 * Every child named `name`.
 * @example childrenNamed(individual, "INDIVIDUAL_ALIAS").length // 3
 */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => child.name === name);
}

/**
 * The root element name of an XML file head, skipping the declaration, comments and DOCTYPE.
 * @example xmlRootName('<?xml version="1.0"?>\n<CONSOLIDATED_LIST>') // "CONSOLIDATED_LIST"
 */
export function xmlRootName(head: string): string | undefined {
  const body = head
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[\s\S]*?(\[[\s\S]*?\])?\s*>/g, "");
  return /^\s*<([A-Za-z_][\w.-]*)/.exec(body)?.[1];
}
