import type Database from "better-sqlite3";
import { SanctraceError } from "../model/index.js";
import type { CaseItem, CaseRecord } from "./store.js";

interface CaseRow {
  name: string;
  title: string;
  created_at: string;
}

interface ItemRow {
  kind: CaseItem["kind"];
  ids: string;
  note: string;
  added_at: string;
}

function checkName(name: string): void {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,79}$/u.test(name)) {
    throw new SanctraceError(
      "case_bad_name",
      `a case name is 1-80 letters, digits, spaces, dots, dashes or underscores; got "${name}"`,
      name,
    );
  }
}

/** Create a case or retitle it. */
export function saveCase(db: Database.Database, name: string, title?: string): CaseRecord {
  checkName(name);
  db.prepare(
    `INSERT INTO cases (name, title, created_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET title = CASE WHEN ? IS NULL THEN title ELSE excluded.title END`,
  ).run(name, title ?? name, new Date().toISOString(), title ?? null);
  return readCase(db, name)!;
}

/** Add an item to a case, creating the case when absent. */
export function addCaseItem(
  db: Database.Database,
  name: string,
  item: Omit<CaseItem, "addedAt">,
): CaseRecord {
  if (!item.ids.length) throw new SanctraceError("case_empty_item", "an item needs ids", name);
  return db.transaction(() => {
    if (!readCase(db, name)) saveCase(db, name);
    db.prepare(
      `INSERT OR IGNORE INTO case_items (case_name, kind, ids, note, added_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(name, item.kind, JSON.stringify(item.ids), item.note, new Date().toISOString());
    return readCase(db, name)!;
  })();
}

/** Remove one item from a case. */
export function removeCaseItem(
  db: Database.Database,
  name: string,
  item: Pick<CaseItem, "kind" | "ids">,
): CaseRecord {
  const found = readCase(db, name);
  if (!found) throw new SanctraceError("case_not_found", `no case named "${name}"`, name);
  db.prepare("DELETE FROM case_items WHERE case_name = ? AND kind = ? AND ids = ?").run(
    name,
    item.kind,
    JSON.stringify(item.ids),
  );
  return readCase(db, name)!;
}

/** A case with its items in the order they were added. */
export function readCase(db: Database.Database, name: string): CaseRecord | undefined {
  const row = db.prepare("SELECT * FROM cases WHERE name = ?").get(name) as CaseRow | undefined;
  if (!row) return undefined;
  const items = db
    .prepare("SELECT kind, ids, note, added_at FROM case_items WHERE case_name = ? ORDER BY seq")
    .all(name) as ItemRow[];
  return {
    name: row.name,
    title: row.title,
    createdAt: row.created_at,
    items: items.map((item) => ({
      kind: item.kind,
      ids: JSON.parse(item.ids) as string[],
      note: item.note,
      addedAt: item.added_at,
    })),
  };
}

/** Every case, by name. */
export function listCases(db: Database.Database): CaseRecord[] {
  const names = db.prepare("SELECT name FROM cases ORDER BY name").all() as Array<{ name: string }>;
  return names.map((row) => readCase(db, row.name)!);
}
