export { cleanPunctuation, foldText, stripMarks } from "./fold.js";
export {
  type LegalFormSplit,
  legalFormClass,
  normalizedLegalFormClass,
  splitLegalForms,
  symbolGroups,
} from "./legal-forms.js";
export { personWordCount } from "./name-frequencies.js";
export { isPatronymic, isTitle } from "./name-parts.js";
export { nameTokens, normalizeName, normalizeNameVariants } from "./normalize.js";
export { numberValue } from "./numbers.js";
export { phoneticKey, phoneticKeyOfSkeleton } from "./phonetic.js";
export { skeleton, squeezeRepeats } from "./skeleton.js";
export { transliterate } from "./transliterate.js";
