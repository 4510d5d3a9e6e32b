import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/helpers/cli.js";
import { makeDocx, makePdf, makeZip } from "../../../test/helpers/documents.js";
import { probeFile } from "../files.js";
import { extractDocument } from "./extract-document.js";

async function failureOf(name: string, bytes: Buffer | string) {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  try {
    await extractDocument(await probeFile(path));
  } catch (error) {
    const { code, path: where } = error as { code: string; path: string };
    return { code, path: where };
  }
  throw new Error("expected a failure");
}

describe("extractDocument on bad input", () => {
  it("refuses a truncated PDF", async () => {
    const pdf = makePdf([["Kupol"]]);
    expect(await failureOf("cut.pdf", pdf.subarray(0, 200))).toEqual({
      code: "pdf_truncated",
      path: "cut.pdf byte:200",
    });
  });

  it("refuses a .pdf that is no PDF", async () => {
    expect(await failureOf("fake.pdf", "hello")).toEqual({ code: "pdf_not_pdf", path: "fake.pdf" });
  });

  it("refuses a PDF whose body is garbage", async () => {
    const bytes = Buffer.from("%PDF-1.4\n1 0 obj garbage\n%%EOF\n", "latin1");
    expect(await failureOf("junk.pdf", bytes)).toEqual({ code: "pdf_broken", path: "junk.pdf" });
  });

  it("refuses a DOCX that is not a zip", async () => {
    expect(await failureOf("x.docx", "plain words")).toEqual({
      code: "docx_not_zip",
      path: "x.docx",
    });
  });

  it("refuses a truncated DOCX", async () => {
    const docx = makeDocx(["Kupol"]);
    expect(await failureOf("cut.docx", docx.subarray(0, docx.length - 30))).toEqual({
      code: "zip_broken",
      path: "cut.docx",
    });
  });

  it("refuses a zip bomb by its ratio, from the central directory", async () => {
    const bomb = makeDocx(["Kupol"], [{ name: "word/media/zeros.bin", data: Buffer.alloc(20e6) }]);
    expect(await failureOf("bomb.docx", bomb)).toEqual({
      code: "zip_ratio_exceeded",
      path: "bomb.docx entry:word/media/zeros.bin",
    });
  });

  it("refuses a zip whose declared size is a lie, while inflating", async () => {
    const liar = makeDocx(
      ["Kupol"],
      [{ name: "word/a.bin", data: Buffer.alloc(3e6), claimedSize: 1000 }],
    );
    expect(await failureOf("liar.docx", liar)).toEqual({
      code: "zip_broken",
      path: "liar.docx entry:word/a.bin",
    });
  });

  it("refuses UTF-8 with a BOM whose bytes are not UTF-8, naming line and byte", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Kupol\nVector "),
      iconv.encode("Купол", "win1251"),
    ]);
    expect(await failureOf("mixed.txt", bytes)).toEqual({
      code: "text_encoding_invalid",
      path: "mixed.txt line:2 byte:13",
    });
  });

  it("refuses text in no encoding it can trust", async () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 120)));
    expect(await failureOf("noise.txt", noise)).toEqual({
      code: "text_encoding_unknown",
      path: "noise.txt",
    });
  });

  it("refuses a binary file named .txt", async () => {
    const bytes = Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02]);
    expect(await failureOf("bin.txt", bytes)).toEqual({
      code: "text_binary",
      path: "bin.txt byte:2",
    });
  });

  it("refuses an HTML page whose declared charset does not fit", async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="utf-8"></head><body>'),
      iconv.encode("Купол", "win1251"),
    ]);
    expect(await failureOf("p.html", html)).toEqual({
      code: "text_encoding_invalid",
      path: "p.html line:1 byte:47",
    });
  });

  it("keeps bad zips from hiding behind an unknown extension", async () => {
    const zip = makeZip([{ name: "a.txt", data: Buffer.from("x") }]);
    expect(await failureOf("a.zip", zip)).toEqual({
      code: "document_unknown_format",
      path: "a.zip",
    });
  });
});
