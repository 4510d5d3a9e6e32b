import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Judgement } from "./store.js";

interface JudgementRow {
  id: string;
  left_id: string;
  right_id: string;
  judgement: Judgement["judgement"];
  note: string;
  user: string;
  at: string;
}

function toJudgement(row: JudgementRow): Judgement {
  const { id, left_id, right_id, judgement, note, user, at } = row;
  return { id, left: left_id, right: right_id, judgement, note, user, at };
}

/** Insert one judgement row; the SQLite backend's `appendJudgement`. */
export function insertJudgement(
  db: Database.Database,
  entry: Omit<Judgement, "id" | "at"> & { at?: string },
): Judgement {
  const full: Judgement = {
    id: randomUUID(),
    left: entry.left,
    right: entry.right,
    judgement: entry.judgement,
    note: entry.note,
    user: entry.user,
    at: entry.at ?? new Date().toISOString(),
  };
  db.prepare(
    `INSERT INTO judgements (id, left_id, right_id, judgement, note, user, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(full.id, full.left, full.right, full.judgement, full.note, full.user, full.at);
  return full;
}

/** Judgements in the order they were made, optionally those naming one entity. */
export function selectJudgements(db: Database.Database, entityId?: string): Judgement[] {
  const rows = (
    entityId === undefined
      ? db.prepare("SELECT * FROM judgements ORDER BY seq").all()
      : db
          .prepare("SELECT * FROM judgements WHERE left_id = ? OR right_id = ? ORDER BY seq")
          .all(entityId, entityId)
  ) as JudgementRow[];
  return rows.map(toJudgement);
}
