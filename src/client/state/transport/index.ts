/**
 * The transport feature's state: each run's pickup list for a day and the driver's marks at the
 * stops (`pickup.ts`). The transport screens import this module, and so does Today ("not at
 * home"), which puts it in the first page's code; the coordinator's route editor therefore
 * imports its writes from `state/transport/routes` itself, so they load with the transport chunk.
 */
export { keepDayMark, markStop, useMarkContradictions, useNotHome, usePickupLists, type PickupListWithEvents, type ShownContradiction } from './pickup';
export type { RouteDraft, RouteFields, SaveRouteResult, StopDraft } from './routes';
export type { PickupList, PickupStop, RouteCapacity } from '../../../domain';
