import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { DemoCase, DemoCompany } from "./case-types.js";

/** The datasets the case files are ingested into. */
export const DEMO_DATASETS = [
  "demo_registry_cn",
  "demo_registry_ru",
  "demo_customs",
  "demo_payments",
];

/** A generated file and how it is meant to be read. */
export interface DemoFile {
  path: string;
  dataset: string;
  kind: "customs" | "payments" | "registry";
  encoding: string;
  script: string;
}

function csvLine(cells: Array<string | number>, delimiter: string): string {
  return cells
    .map((cell) => {
      const text = String(cell);
      return /["\n;,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(delimiter);
}

const russianDate = (iso: string) => iso.split("-").reverse().join(".");
const russianAmount = (amount: number) =>
  amount.toLocaleString("ru-RU", { minimumFractionDigits: 2 }).replace(/\u00a0/g, " ");
const englishAmount = (amount: number) =>
  amount.toLocaleString("en-US", { minimumFractionDigits: 2 });

/** The name a company goes by in a document of `country`: its own script at home. */
function localName(company: DemoCompany): string {
  return company.cyrillic ?? company.latin;
}

function writeCustoms(demo: DemoCase, byKey: Map<string, DemoCompany>, dir: string): DemoFile {
  const header = [
    "Дата ДТ",
    "Номер ДТ",
    "Отправитель",
    "Страна отправителя",
    "Получатель",
    "ИНН получателя",
    "Декларант",
    "ИНН декларанта",
    "Код ТН ВЭД",
    "Описание товара",
    "Страна происхождения",
    "Страна отправления",
    "Страна назначения",
    "Фактурная стоимость",
    "Валюта",
  ];
  const lines = [csvLine(header, ";")];
  for (const s of demo.shipments) {
    const sender = byKey.get(s.sender)!;
    const receiver = byKey.get(s.receiver)!;
    const declarant = byKey.get(s.declarant)!;
    lines.push(
      csvLine(
        [
          russianDate(s.date),
          s.ccd,
          sender.latin,
          sender.country.toUpperCase(),
          localName(receiver),
          receiver.identifiers.innCode ?? "",
          localName(declarant),
          declarant.identifiers.innCode ?? "",
          s.hs,
          s.goods,
          s.origin.toUpperCase(),
          s.departure.toUpperCase(),
          s.destination.toUpperCase(),
          russianAmount(s.amount),
          s.currency,
        ],
        ";",
      ),
    );
  }
  const path = join(dir, "customs-declarations.csv");
  writeFileSync(path, iconv.encode(`${lines.join("\r\n")}\r\n`, "win1251"));
  return {
    path,
    dataset: "demo_customs",
    kind: "customs",
    encoding: "windows-1251",
    script: "Cyrillic + Latin",
  };
}

function writePayments(demo: DemoCase, byKey: Map<string, DemoCompany>, dir: string): DemoFile {
  const header = [
    "date",
    "reference",
    "payer",
    "payer_inn",
    "payer_account",
    "payer_bank",
    "beneficiary",
    "beneficiary_id",
    "beneficiary_account",
    "beneficiary_bank",
    "amount",
    "currency",
    "purpose",
  ];
  const lines = [csvLine(header, ",")];
  for (const p of demo.payments) {
    const payer = byKey.get(p.payer)!;
    const payee = byKey.get(p.beneficiary)!;
    lines.push(
      csvLine(
        [
          p.date,
          p.reference,
          payer.latin.toUpperCase(),
          payer.identifiers.innCode ?? "",
          payer.account ?? "",
          payer.bank ?? "",
          payee.latin.toUpperCase(),
          payee.identifiers.innCode ?? payee.identifiers.uscCode ?? "",
          payee.account ?? "",
          payee.bank ?? "",
          englishAmount(p.amount),
          p.currency,
          p.purpose,
        ],
        ",",
      ),
    );
  }
  const path = join(dir, "payments.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { path, dataset: "demo_payments", kind: "payments", encoding: "utf-8", script: "Latin" };
}

async function writeRussianRegistry(demo: DemoCase, dir: string): Promise<DemoFile> {
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet("ЕГРЮЛ");
  sheet.addRow([
    "Наименование",
    "ИНН",
    "ОГРН",
    "Дата регистрации",
    "Адрес",
    "Учредитель",
    "Доля",
    "Руководитель",
  ]);
  for (const company of demo.companies.filter((c) => c.country === "ru")) {
    for (const owner of company.owners) {
      sheet.addRow([
        company.cyrillic,
        company.identifiers.innCode,
        company.identifiers.ogrnCode,
        russianDate(company.founded),
        company.address,
        owner.name,
        `${owner.share}%`,
        company.director,
      ]);
    }
  }
  const path = join(dir, "registry-ru.xlsx");
  await workbook.xlsx.writeFile(path);
  return {
    path,
    dataset: "demo_registry_ru",
    kind: "registry",
    encoding: "xlsx",
    script: "Cyrillic",
  };
}

function writeChineseRegistry(demo: DemoCase, dir: string): DemoFile {
  const lines = [
    csvLine(
      [
        "企业名称",
        "统一社会信用代码",
        "国家",
        "成立日期",
        "地址",
        "股东",
        "持股比例",
        "法定代表人",
      ],
      ",",
    ),
  ];
  for (const company of demo.companies.filter((c) => c.country === "cn")) {
    for (const owner of company.owners) {
      lines.push(
        csvLine(
          [
            company.chinese ?? company.latin,
            company.identifiers.uscCode ?? "",
            "中国",
            company.founded.replace(/-/g, "/"),
            company.address,
            owner.name,
            `${owner.share}%`,
            company.director,
          ],
          ",",
        ),
      );
    }
  }
  const path = join(dir, "registry-cn.csv");
  writeFileSync(path, iconv.encode(`${lines.join("\n")}\n`, "gb18030"));
  return {
    path,
    dataset: "demo_registry_cn",
    kind: "registry",
    encoding: "gb18030",
    script: "Chinese",
  };
}

/**
 * Write a generated case as the files an analyst would get: Russian customs declarations
 * (Windows-1251), bank payments (UTF-8), a Russian register extract (XLSX) and a Chinese one
 * (GB18030), plus `ground-truth.json`. Registers come first: later files resolve against them.
 * @example const files = await writeCaseFiles(generateCase(), "/tmp/case");
 */
export async function writeCaseFiles(demo: DemoCase, dir: string): Promise<DemoFile[]> {
  const byKey = new Map(demo.companies.map((company) => [company.key, company]));
  const files = [
    writeChineseRegistry(demo, dir),
    await writeRussianRegistry(demo, dir),
    writeCustoms(demo, byKey, dir),
    writePayments(demo, byKey, dir),
  ];
  const truth = {
    fictional: true,
    ...demo,
    files: files.map(({ path, ...rest }) => ({ file: path.slice(dir.length + 1), ...rest })),
  };
  writeFileSync(join(dir, "ground-truth.json"), `${JSON.stringify(truth, null, 2)}\n`);
  return files;
}
