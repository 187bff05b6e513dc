export { translate, TRANSLATIONS, type Translation } from "./translate.js";
export { TranslationError } from "./translation-error.js";
