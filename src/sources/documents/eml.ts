import type { AddressObject, simpleParser } from "mailparser";
import { SanctraceError } from "../../model/index.js";
import { htmlToText } from "./html.js";
import type { DocumentText } from "./types.js";

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((item) =>
    item.value.map((a) => (a.name ? `${a.name} <${a.address}>` : (a.address ?? ""))),
  );
}

/**
 * The text of an email (RFC 822 / .eml): the plain part, else the HTML part as text, with
 * sender, recipients, subject and date as FtM `Email` properties.
 * @example const mail = await extractEmail(bytes, "offer.eml"); mail.properties?.subject
 */
export async function extractEmail(bytes: Uint8Array, file: string): Promise<DocumentText> {
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    const { simpleParser: parse } = await import("mailparser");
    mail = await parse(Buffer.from(bytes), { skipImageLinks: true });
  } catch (error) {
    throw new SanctraceError(
      "eml_broken",
      `mailparser cannot read it (${(error as Error).message})`,
      file,
    );
  }
  const html = typeof mail.html === "string" ? mail.html : "";
  const body = mail.text?.trim() || htmlToText({ text: html, encoding: "utf-8" }).text;
  const properties: Record<string, string[]> = {
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject ? [mail.subject] : [],
    date: mail.date ? [mail.date.toISOString().slice(0, 10)] : [],
    messageId: mail.messageId ? [mail.messageId] : [],
  };
  return {
    schema: "Email",
    mimeType: "message/rfc822",
    text: body.replace(/\r\n?/g, "\n"),
    pages: [],
    ...(mail.subject && { title: mail.subject }),
    properties,
  };
}
