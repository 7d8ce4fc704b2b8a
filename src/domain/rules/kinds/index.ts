/**
 * Each kind of centre's own rules (issue 19): senior homes and clubs and their programme by year,
 * ŚDS registers and hours, the WTZ annual report. Imported by path by the lazy features, not
 * through the domain barrel.
 */
export * from './senior';
export * from './sds';
export * from './wtz-annual';
