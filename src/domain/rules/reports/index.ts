/**
 * The reports' computations (issue 7): the monthly attendance sheet and its CSV, report periods,
 * hours, and the period report for funders. Imported by the lazy reports state and the server's
 * tests, not through the domain barrel, so they stay out of the initial bundle.
 */
export * from './monthly-sheet';
export * from './sheet-csv';
export * from './period';
export * from './hours';
export * from './period-report';
