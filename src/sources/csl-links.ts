import type { Statement } from "../model/index.js";
import { parseRemarks } from "./identifiers.js";
import { startEntity } from "./list-entry.js";
import type { ReadContext, SourceInput } from "./types.js";

interface Mention {
  from: string;
  name: string;
  locator: string;
  file: SourceInput;
}

const key = (name: string) => name.replace(/\s+/g, " ").trim().toUpperCase();

/**
 * "Linked To: NAME" remarks of the CSL: the linked party is named, not numbered, so links are
 * resolved by name against the whole file once it has been read.
 * @example const links = new CslLinks(); links.note("us-trade-csl-1", ["7-28"], "(Linked To: YUSONG SHIPPING CO)", "row:2", file);
 */
export class CslLinks {
  private readonly ids = new Map<string, string>();
  private readonly mentions: Mention[] = [];

  note(
    id: string,
    names: string[],
    remarks: string | undefined,
    locator: string,
    file: SourceInput,
  ) {
    for (const name of names) if (name.trim()) this.ids.set(key(name), id);
    if (!remarks?.includes("Linked To")) return;
    // The parser reads labels at the start of a clause, so drop the enclosing brackets.
    for (const fact of parseRemarks(remarks.replace(/[()]/g, ";"))) {
      if (fact.prop === "linkedTo")
        this.mentions.push({ from: id, name: fact.value, locator, file });
    }
  }

  /** One `UnknownLink` per remark naming a party that is in the files. */
  links(context: ReadContext): Statement[] {
    const statements: Statement[] = [];
    for (const { from, name, locator, file } of this.mentions) {
      const to = this.ids.get(key(name));
      if (!to || to === from) continue;
      const link = startEntity("UnknownLink", `${from}-linked-${to}`, file, context);
      link.add("subject", from, locator);
      link.add("object", to, locator);
      link.add("role", "Linked To", locator);
      statements.push(...link.statements);
    }
    return statements;
  }
}
