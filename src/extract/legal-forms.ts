import { foldToken, tokenize } from "./fold.js";

/**
 * Folded tokens of legal forms and organization-type words that a name may carry or drop
 * ("JOINT STOCK COMPANY … KUPOL" is written "… Kupol" in prose).
 */
const LEGAL_FORM_TOKENS = new Set(
  [
    "joint stock company open closed public private limited liability partnership",
    "jsc ojsc cjsc pjsc ao zao oao pao nao ooo odo llc ltd co corp corporation inc incorporated",
    "gmbh ag sa plc llp lp bv nv sarl srl spa oy ab as kft",
    "obshchestvo s ogranichennoi ogranichennoy otvetstvennostyu otvetstvennostiu",
    "aktsionernoe zakrytoe otkrytoe publichnoe nepublichnoe",
    "youxiangongsi gufen youxian gongsi zerengongsi jituan",
  ].flatMap((line) => line.split(" ")),
);

/**
 * A name without the legal-form words at its start and end, or undefined when nothing was
 * stripped or nothing would be left.
 * @example stripLegalForm("JOINT STOCK COMPANY IZHEVSK PLANT KUPOL") // "IZHEVSK PLANT KUPOL"
 */
export function stripLegalForm(name: string): string | undefined {
  const tokens = tokenize(name);
  const isForm = (index: number) => LEGAL_FORM_TOKENS.has(foldToken(tokens[index]!.text));
  let first = 0;
  let last = tokens.length - 1;
  while (first <= last && isForm(first)) first++;
  while (last >= first && isForm(last)) last--;
  if (first > last || (first === 0 && last === tokens.length - 1)) return undefined;
  return name.slice(tokens[first]!.start, tokens[last]!.end);
}

/**
 * True when a token is a legal-form word.
 * @example isLegalFormToken("ООО") // true
 */
export function isLegalFormToken(token: string): boolean {
  return LEGAL_FORM_TOKENS.has(foldToken(token));
}
