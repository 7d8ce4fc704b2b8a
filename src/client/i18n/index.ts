/** The i18n module: Polish source catalog, English, typed t(), the language signal and formatters. */
export type { Catalog, CatalogEntries, PackCatalog, Language, MessageKey, MessageParams, PluralForms, PluralKey, TextKey, Translate } from './types';
export { LANGUAGES } from './types';
export { pl } from './pl';
export { createTranslate, choosePlural, interpolate } from './translate';
export { language, setLanguage, useLanguage } from './language';
export { dayToDate, formatDay, formatLongDay, formatMegabytes, formatMonth, formatNumber, formatTimestamp } from './format';
export { catalogFor, loadAllPacks, loadCatalog, loadPacks, translatorFor, useFormat, useT, type Formatters } from './useT';
export { PACK_NAMES, type PackName } from './packs';
