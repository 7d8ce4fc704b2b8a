/** The public shapes of the demo centre generator. */
import type { Day } from '../primitives';
import type { AnyRecord, EntityName } from '../entities/registry';
import type { Organization } from '../entities/organization';
import type { Role } from '../entities/staff';

/** A login for the demo centre; its id is the staff member's id. */
export interface DemoAccount { id: string; login: string; displayName: string; role: Role; unitIds: string[]; password: string }

/** How to build the demo centre. The same options always give the same centre. */
export interface DemoOptions {
  seed: number;
  /** The local day the demo starts on: history ends the day before, plans start here. */
  today: Day;
  /** The instant of generation: UUIDv7 timestamps and HLC stamps. */
  nowMs: number;
  /** Participants of the WTZ (default 30). */
  wtzParticipants?: number;
  /** Participants of the Senior+ day home (default 25). */
  seniorParticipants?: number;
  /** Children of the day room (default 20). */
  childrenParticipants?: number;
  /** Months of past attendance (default 3). */
  historyMonths?: number;
}

/** The generated centre: the tenant, every record in dependency order, and the demo logins. */
export interface DemoCentre { organization: Organization; records: { entity: EntityName; data: AnyRecord }[]; accounts: DemoAccount[] }

/** The password of every demo account (the demo holds invented people only). */
export const DEMO_PASSWORD = 'obecni-demo-2026';
