import { SanctraceError } from "../model/index.js";
import type { Judgement, JudgementKind, Store } from "../store/index.js";
import { Resolver } from "./resolver.js";

const KINDS: readonly JudgementKind[] = ["positive", "negative", "unsure"];

export interface JudgeInput {
  left: string;
  right: string;
  judgement: string;
  note?: string;
  user?: string;
}

export interface JudgeResult {
  judgement: Judgement;
  /** The cluster of `left` after the judgement, canonical id first. */
  canonicalId: string;
  referents: string[];
}

/** The resolver over every judgement in the store. */
export async function loadResolver(store: Store): Promise<Resolver> {
  return Resolver.fromJudgements(await store.listJudgements());
}

function parseKind(judgement: string): JudgementKind {
  const kind = KINDS.find((candidate) => candidate === judgement);
  if (!kind) {
    throw new SanctraceError(
      "judgement_invalid",
      `expected positive, negative or unsure, got "${judgement}"`,
    );
  }
  return kind;
}

async function requireEntity(store: Store, id: string): Promise<void> {
  if (!(await store.getEntity(id))) {
    throw new SanctraceError("entity_not_found", `no entity with id "${id}"`, id);
  }
}

/** Refuse a positive that a standing negative would cancel, naming that negative. */
function checkConflict(before: Judgement[], candidate: Judgement): void {
  const after = Resolver.fromJudgements([...before, candidate]);
  if (!after.conflicts.includes(candidate)) return;
  const [blocking] = after.negativesBetween(candidate.left, candidate.right);
  throw new SanctraceError(
    "judgement_conflict",
    `a negative judgement on ${blocking?.join(" ") ?? "another pair"} keeps these entities ` +
      "apart; judge that pair again first",
    `${candidate.left} ${candidate.right}`,
  );
}

/**
 * Record an analyst's judgement on two entities (append-only, audited) and return the
 * resulting cluster. A positive that contradicts a standing negative is refused.
 * @example await judgePair(store, { left: "ofac-1", right: "case-7", judgement: "positive" });
 */
export async function judgePair(store: Store, input: JudgeInput): Promise<JudgeResult> {
  const kind = parseKind(input.judgement);
  if (input.left === input.right) {
    throw new SanctraceError("judgement_same_entity", "judge two different entities", input.left);
  }
  await requireEntity(store, input.left);
  await requireEntity(store, input.right);
  const before = await store.listJudgements();
  const draft = { left: input.left, right: input.right, judgement: kind };
  const entry = { ...draft, note: input.note ?? "", user: input.user ?? "analyst" };
  if (kind === "positive") checkConflict(before, { ...entry, id: "", at: "" });
  const judgement = await store.appendJudgement(entry);
  await store.appendAudit({ kind: "judge", user: entry.user, detail: { ...judgement } });
  const resolver = Resolver.fromJudgements([...before, judgement]);
  return {
    judgement,
    canonicalId: resolver.canonicalId(input.left),
    referents: resolver.referents(input.left),
  };
}
