/**
 * Editing the bus runs, the transport screen's coordinator part of the state layer (imported by
 * the route editor instead of `state/index.ts`, so it loads with the lazy transport chunk).
 */
export { deleteRoute, saveRoute, type RouteDraft, type RouteFields, type SaveRouteResult, type StopDraft } from './transport-routes';
