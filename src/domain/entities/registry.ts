/**
 * The synced entity types, by table name. Client storage, the sync protocol and the server all
 * iterate this one registry, so a new entity is added in one place.
 */
import * as v from 'valibot';
import { OrganizationSchema, type Organization } from './organization';
import { UnitSchema, type Unit } from './unit';
import { RoomSchema, type Room } from './room';
import { StaffMemberSchema, type StaffMember } from './staff';
import { ParticipantSchema, type Participant } from './participant';
import { ActivitySchema, type Activity } from './activity';
import { SessionSchema, type Session } from './session';
import { DayMarkSchema, SessionMarkSchema, type DayMark, type SessionMark } from './attendance';
import { AbsenceNoticeSchema, type AbsenceNotice } from './absence-notice';
import { RouteSchema, RouteStopSchema, type Route, type RouteStop } from './route';
import { MealOrderSchema, type MealOrder } from './meal-order';
import { TransportEventSchema, type TransportEvent } from './transport-event';

export const ENTITY_SCHEMAS = {
  organizations: OrganizationSchema,
  units: UnitSchema,
  rooms: RoomSchema,
  staff: StaffMemberSchema,
  participants: ParticipantSchema,
  activities: ActivitySchema,
  sessions: SessionSchema,
  dayMarks: DayMarkSchema,
  sessionMarks: SessionMarkSchema,
  absenceNotices: AbsenceNoticeSchema,
  routes: RouteSchema,
  routeStops: RouteStopSchema,
  mealOrders: MealOrderSchema,
  transportEvents: TransportEventSchema,
} as const;

/** Row types by table name. */
export interface EntityMap {
  organizations: Organization;
  units: Unit;
  rooms: Room;
  staff: StaffMember;
  participants: Participant;
  activities: Activity;
  sessions: Session;
  dayMarks: DayMark;
  sessionMarks: SessionMark;
  absenceNotices: AbsenceNotice;
  routes: Route;
  routeStops: RouteStop;
  mealOrders: MealOrder;
  transportEvents: TransportEvent;
}

export type EntityName = keyof EntityMap;
export type AnyRecord = EntityMap[EntityName];

export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITY_SCHEMAS, name);
}

/** A validation problem: the dotted path of the field and a message key. */
export interface FieldIssue { path: string; code: string }

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** A message key set by our schemas ("invalidDay"); valibot's default messages quote the value instead. */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*$/;

/** The message key of an issue: ours when a schema set one, otherwise one derived from the issue type. */
function issueCode(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') {
    if (issue.input === undefined) return 'required';
    return issue.type === 'picklist' || issue.type === 'literal' ? 'invalidOption' : 'invalidType';
  }
  if (MESSAGE_KEY.test(issue.message)) return issue.message;
  return issue.type.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Validates one record of a table, returning field paths and message keys (never the values). */
export function validateRecord<E extends EntityName>(entity: E, data: unknown): Validated<EntityMap[E]> {
  const result = v.safeParse(ENTITY_SCHEMAS[entity], data);
  if (result.success) return { ok: true, value: result.output as EntityMap[E] };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      path: issue.path?.map((p) => String(p.key)).join('.') ?? '',
      code: issueCode(issue),
    })),
  };
}
