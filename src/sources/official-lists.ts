import { SanctraceError } from "../model/index.js";

/** A list sanctrace can fetch from its publisher, as files its readers recognise. */
export interface OfficialList {
  /** The dataset the files load into; also the `--source` name. */
  name: string;
  title: string;
  /** File name on disk -> official URL. */
  files: Record<string, string>;
}

const OFAC = "https://www.treasury.gov/ofac/downloads";

/**
 * The official download locations. Every URL in the product lives here so that tests and
 * mirrors can redirect them: `SANCTRACE_LIST_BASE_URL=http://host/path` serves every file at
 * `<base>/<list name>/<file>`, and `SANCTRACE_LIST_URL_<NAME>` (e.g.
 * `SANCTRACE_LIST_URL_UN_SC_SANCTIONS`) serves one list's files at `<url>/<file>`.
 */
export const officialLists: readonly OfficialList[] = [
  {
    name: "us_ofac_sdn",
    title: "OFAC Specially Designated Nationals (legacy CSV)",
    files: {
      "sdn.csv": `${OFAC}/sdn.csv`,
      "add.csv": `${OFAC}/add.csv`,
      "alt.csv": `${OFAC}/alt.csv`,
      "sdn_comments.csv": `${OFAC}/sdn_comments.csv`,
    },
  },
  {
    name: "us_ofac_cons",
    title: "OFAC consolidated non-SDN lists (legacy CSV)",
    files: {
      "cons_prim.csv": `${OFAC}/consolidated/cons_prim.csv`,
      "cons_add.csv": `${OFAC}/consolidated/cons_add.csv`,
      "cons_alt.csv": `${OFAC}/consolidated/cons_alt.csv`,
      "cons_comments.csv": `${OFAC}/consolidated/cons_comments.csv`,
    },
  },
  {
    name: "un_sc_sanctions",
    title: "UN Security Council Consolidated List",
    files: { "consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml" },
  },
  {
    name: "ca_sema",
    title: "Canada Consolidated Autonomous Sanctions List (SEMA)",
    files: {
      "sema-lmes.xml":
        "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml",
    },
  },
  {
    name: "us_bis_dpl",
    title: "US BIS Denied Persons List",
    files: { "dpl.txt": "https://www.bis.doc.gov/dpl/dpl.txt" },
  },
  {
    name: "us_trade_csl",
    title: "US Consolidated Screening List (trade.gov)",
    files: {
      "consolidated.csv":
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
    },
  },
];

/**
 * The lists named in `names` (all when empty), with their URLs after env overrides.
 * @example resolveLists(["un_sc_sanctions"], { SANCTRACE_LIST_BASE_URL: "http://127.0.0.1:8080" })
 * // [{ name: "un_sc_sanctions", files: { "consolidated.xml": "http://127.0.0.1:8080/un_sc_sanctions/consolidated.xml" } }]
 */
export function resolveLists(
  names: string[],
  env: NodeJS.ProcessEnv = process.env,
): OfficialList[] {
  for (const name of names) {
    if (!officialLists.some((list) => list.name === name)) {
      const known = officialLists.map((list) => list.name).join(", ");
      throw new SanctraceError(
        "list_unknown_source",
        `no official list "${name}"; known: ${known}`,
      );
    }
  }
  const chosen = names.length
    ? officialLists.filter((list) => names.includes(list.name))
    : [...officialLists];
  return chosen.map((list) => ({ ...list, files: overrideUrls(list, env) }));
}

function overrideUrls(list: OfficialList, env: NodeJS.ProcessEnv): Record<string, string> {
  const own = env[`SANCTRACE_LIST_URL_${list.name.toUpperCase()}`];
  const mirror = env.SANCTRACE_LIST_BASE_URL?.replace(/\/+$/, "");
  const base = own ?? (mirror && `${mirror}/${list.name}`);
  if (!base) return list.files;
  const trimmed = base.replace(/\/+$/, "");
  return Object.fromEntries(Object.keys(list.files).map((file) => [file, `${trimmed}/${file}`]));
}
