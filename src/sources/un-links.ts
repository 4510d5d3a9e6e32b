import type { Statement } from "../model/index.js";
import { startEntity } from "./list-entry.js";
import type { ReadContext, SourceInput } from "./types.js";

/** A UN reference number as remarks cite it: `CDi.015`, `QDe.004`, `KPi.033`. */
const REFERENCE = /\b([A-Z]{2}[ie]\.\d{3})\b/g;

interface Mention {
  from: string;
  reference: string;
  locator: string;
  file: SourceInput;
}

/**
 * Links between UN entries: remarks name other entries by reference number ("Jamil Mukulu
 * (CDi.015)"). Entries are collected while the list streams; the links come at the end, once
 * every reference number is known.
 * @example const links = new UnReferences(); links.note("CDe.001", "unsc-6908402", comments, at, file);
 */
export class UnReferences {
  private readonly ids = new Map<string, string>();
  private readonly mentions: Mention[] = [];

  note(
    reference: string | undefined,
    id: string,
    comments: string | undefined,
    locator: string,
    file: SourceInput,
  ): void {
    if (reference) this.ids.set(reference, id);
    for (const match of comments?.matchAll(REFERENCE) ?? []) {
      if (match[1] !== reference)
        this.mentions.push({ from: id, reference: match[1]!, locator, file });
    }
  }

  /** One `UnknownLink` per entry citing another that is on the list. */
  links(context: ReadContext): Statement[] {
    const statements: Statement[] = [];
    for (const { from, reference, locator, file } of this.mentions) {
      const to = this.ids.get(reference);
      if (!to) continue;
      const link = startEntity("UnknownLink", `${from}-cites-${to}`, file, context);
      link.add("subject", from, locator);
      link.add("object", to, locator);
      link.add("role", `cited in the UN remarks as ${reference}`, locator);
      statements.push(...link.statements);
    }
    return statements;
  }
}
