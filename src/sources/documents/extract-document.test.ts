import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/helpers/cli.js";
import { makeDocx, makePdf } from "../../../test/helpers/documents.js";
import { probeFile } from "../files.js";
import { extractDocument } from "./extract-document.js";

async function extractBytes(name: string, bytes: Buffer | string) {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return extractDocument(await probeFile(path));
}

describe("extractDocument", () => {
  it("reads the text layer of a PDF page by page, with each page's range", async () => {
    const pdf = makePdf([["Invoice 17", "Seller: Sichuan AEE"], ["Buyer: Kupol"]], "Invoice");
    const document = await extractBytes("invoice.pdf", pdf);
    expect(document).toEqual({
      schema: "Pages",
      mimeType: "application/pdf",
      text: "Invoice 17\nSeller: Sichuan AEE\n\nBuyer: Kupol",
      pages: [
        { number: 1, start: 0, end: 30 },
        { number: 2, start: 32, end: 44 },
      ],
      title: "Invoice",
    });
    expect(document.text.slice(32, 44)).toBe("Buyer: Kupol");
  });

  it("reads the paragraphs of a DOCX", async () => {
    const document = await extractBytes("memo.docx", makeDocx(["ООО «Вектор»", "Contract 5"]));
    expect(document).toMatchObject({ schema: "PlainText", text: "ООО «Вектор»\n\nContract 5" });
  });

  it("keeps the visible text of HTML, drops scripts and styles, and decodes its charset", async () => {
    const html = `<html><head><meta charset="windows-1251"><title>Купол</title><style>p{}</style></head>
<body><script>var x = "<p>no</p>";</script><h1>Завод &laquo;Купол&raquo;</h1><p>Поставка &amp; оплата</p></body></html>`;
    const document = await extractBytes("page.html", iconv.encode(html, "win1251"));
    expect(document).toEqual({
      schema: "HyperText",
      mimeType: "text/html",
      text: "Завод «Купол»\n\nПоставка & оплата",
      pages: [],
      encoding: "windows-1251",
      title: "Купол",
    });
  });

  it.each([
    ["windows-1251", "win1251"],
    ["koi8-r", "koi8-r"],
    ["gb18030", "gb18030"],
    ["utf-16le", "utf-16le-bom"],
  ])("detects %s text", async (expected, encoding) => {
    const text =
      expected === "gb18030"
        ? "四川航空有限公司向俄罗斯交付了无人机，湖南公司也参与了测试和生产工作。"
        : 'Акционерное общество "Купол" получило партию беспилотников из Китая через компанию Вектор.';
    const bytes =
      encoding === "utf-16le-bom"
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")])
        : iconv.encode(text, encoding);
    expect(await extractBytes("note.txt", bytes)).toEqual({
      schema: "PlainText",
      mimeType: "text/plain",
      text,
      pages: [],
      encoding: expected,
    });
  });

  it("reads an email's text and headers", async () => {
    const eml = [
      "From: Li Wei <li@example.cn>",
      "To: sales@example.ru",
      "Subject: A140 delivery",
      "Date: Tue, 02 Apr 2024 10:00:00 +0000",
      "Message-ID: <1@example.cn>",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Sichuan AEE shipped 12 units to Vector.",
      "",
    ].join("\r\n");
    const document = await extractBytes("mail.eml", eml);
    expect(document).toEqual({
      schema: "Email",
      mimeType: "message/rfc822",
      text: "Sichuan AEE shipped 12 units to Vector.",
      pages: [],
      title: "A140 delivery",
      properties: {
        from: ["Li Wei <li@example.cn>"],
        to: ["sales@example.ru"],
        cc: [],
        subject: ["A140 delivery"],
        date: ["2024-04-02"],
        messageId: ["<1@example.cn>"],
      },
    });
  });
});
