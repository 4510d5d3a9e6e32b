import { Parser } from "htmlparser2";
import type { DecodedText } from "./decode.js";
import type { DocumentText } from "./types.js";

const DROPPED = new Set(["script", "style", "noscript", "template", "svg", "head"]);
const BLOCKS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "tr",
  "table",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "pre",
  "hr",
  "dd",
  "dt",
  "figcaption",
]);

/** The charset an HTML page declares in a `<meta>` tag, read from its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

/** Collapse runs of spaces and blank lines the markup left behind. */
function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Visible text of an HTML page: scripts, styles and the head dropped, block elements on
 * lines of their own; the `<title>` becomes the document title.
 * @example htmlToText({ text: "<p>Kupol</p><script>x()</script>", encoding: "utf-8" }).text // "Kupol"
 */
export function htmlToText(decoded: DecodedText): DocumentText {
  let text = "";
  let title = "";
  let dropped = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") inTitle = true;
        else if (DROPPED.has(name)) dropped++;
        if (BLOCKS.has(name)) text += "\n";
      },
      ontext(chunk) {
        if (inTitle) title += chunk;
        else if (!dropped) text += chunk;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        if (BLOCKS.has(name)) text += "\n";
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(decoded.text);
  parser.end();
  const cleanTitle = title.replace(/\s+/g, " ").trim();
  return {
    schema: "HyperText",
    mimeType: "text/html",
    text: tidy(text),
    pages: [],
    encoding: decoded.encoding,
    ...(cleanTitle && { title: cleanTitle }),
  };
}
