/**
 * Issue 5's planner speed, in process (no browser): a WTZ of 300 participants (demo generator)
 * with 40 activities (the demo's WTZ plan plus small-group classes built here, seeded) and about
 * 5% of the year's occurrences carrying an exception (cancelled, moved, substitute).
 * - expanding a full year of sessions, beside a naive days × activities loop without exceptions
 *   in the same process (the ratio is what compares across machines);
 * - the conflicts of one week (rooms, staff, 300 people's overlaps, capacity, ratio, hours);
 * - the year plus the week's conflicts together, against the issue's target of 50 ms;
 * - the "before saving" check of a draft over four weeks.
 */
import { addDays, isUnitOpen } from '../src/domain/calendar';
import { generateDemoCentre } from '../src/domain/demo/generate';
import { mulberry32, pick, randInt, type Rand } from '../src/domain/demo/random';
import type { Activity } from '../src/domain/entities/activity';
import type { Participant } from '../src/domain/entities/participant';
import type { Room } from '../src/domain/entities/room';
import { sessionId, type Session } from '../src/domain/entities/session';
import type { StaffMember } from '../src/domain/entities/staff';
import type { Unit } from '../src/domain/entities/unit';
import type { Weekday } from '../src/domain/primitives';
import { activityOccursOn, conflictsForDraft, expandSessions, planConflicts, wtzHoursIssues } from '../src/domain/rules/plan';
import { line, median, ms, percentile, sample } from './stats';

const YEAR_FROM = '2026-01-01';
const YEAR_TO = '2026-12-31';
const WEEK_FROM = '2026-06-08';
const WEEK_TO = '2026-06-14';
const TARGET_MS = 50;

interface Fixture { unit: Unit; participants: Participant[]; rooms: Room[]; activities: Activity[]; sessions: Session[] }

/** Small-group classes (4–6 chosen people) filling the WTZ plan up to `total` activities. */
function smallGroups(rand: Rand, base: Activity, participants: Participant[], rooms: Room[], staff: StaffMember[], count: number): Activity[] {
  const out: Activity[] = [];
  for (let i = 0; i < count; i++) {
    const start = randInt(rand, 8, 14);
    const people = new Set<string>();
    const size = randInt(rand, 4, 6);
    while (people.size < size) people.add(pick(rand, participants).id);
    const weekdays = [...new Set([randInt(rand, 1, 5), randInt(rand, 1, 5)])].sort() as Weekday[];
    out.push({
      ...base, id: `bench-group-${i}`, title: `Zajęcia w małej grupie ${i + 1}`, category: 'occupationalTherapy',
      roomId: pick(rand, rooms).id, staffIds: [pick(rand, staff).id], audience: { type: 'people', participantIds: [...people] },
      capacity: 6, startTime: `${String(start).padStart(2, '0')}:00`, endTime: `${String(start).padStart(2, '0')}:45`,
      kind: 'recurring', weekdays, validFrom: '2025-09-01', validTo: null,
    });
  }
  return out;
}

/** About 5% of the planned occurrences get an exception: a cancellation, a move a few days on, or a substitute. */
function exceptions(rand: Rand, fx: Omit<Fixture, 'sessions'>, staff: StaffMember[]): Session[] {
  const out: Session[] = [];
  for (const o of expandSessions(fx.activities, [], fx.unit, YEAR_FROM, YEAR_TO)) {
    if (rand() >= 0.05) continue;
    const kind = randInt(rand, 0, 2);
    const base = o.activity;
    out.push({
      id: sessionId(o.activityId, o.day), organizationId: base.organizationId, hlc: base.hlc, changedBy: base.changedBy, deleted: false,
      activityId: o.activityId, unitId: fx.unit.id, day: o.day, topic: '', notes: '',
      status: kind === 0 ? 'cancelled' : kind === 1 ? 'moved' : 'planned',
      movedTo: kind === 1 ? { day: addDays(o.day, randInt(rand, 1, 3)), startTime: o.startTime, endTime: o.endTime } : null,
      substituteStaffIds: kind === 2 ? [pick(rand, staff).id] : null,
    });
  }
  return out;
}

function buildFixture(): Fixture {
  const demo = generateDemoCentre({ seed: 5, today: '2026-01-07', nowMs: Date.parse('2026-01-07T06:00:00Z'), wtzParticipants: 300, historyMonths: 0 });
  const all = <T>(entity: string) => demo.records.filter((r) => r.entity === entity).map((r) => r.data as T);
  const unit = all<Unit>('units').find((u) => u.kind === 'wtz');
  if (!unit) throw new Error('the demo has no WTZ');
  const participants = all<Participant>('participants').filter((p) => p.unitId === unit.id);
  const rooms = all<Room>('rooms').filter((r) => r.unitId === unit.id);
  const staff = all<StaffMember>('staff').filter((s) => s.unitIds.includes(unit.id));
  const own = all<Activity>('activities').filter((a) => a.unitId === unit.id);
  const rand = mulberry32(2026);
  const activities = [...own, ...smallGroups(rand, own[0]!, participants, rooms, staff, 40 - own.length)];
  const fx = { unit, participants, rooms, activities };
  return { ...fx, sessions: exceptions(rand, fx, staff) };
}

/** The baseline: every day × every activity, recurrence and opening only, no exceptions, no sorting. */
function naiveExpansion(activities: readonly Activity[], unit: Unit, from: string, to: string): { activityId: string; day: string }[] {
  const out: { activityId: string; day: string }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!isUnitOpen(unit, day)) continue;
    for (const a of activities) if (activityOccursOn(a, day)) out.push({ activityId: a.id, day });
  }
  return out;
}

export async function planBench(): Promise<string[]> {
  const fx = buildFixture();
  const { unit, participants, rooms, activities, sessions } = fx;
  const ctx = { participants, unit, rooms };
  const year = expandSessions(activities, sessions, unit, YEAR_FROM, YEAR_TO);
  const week = year.filter((o) => o.day >= WEEK_FROM && o.day <= WEEK_TO);
  const conflicts = planConflicts(week, ctx);
  const out: string[] = [
    `planner (issue 5): WTZ of ${participants.length} participants, ${activities.length} activities, ${sessions.length} exceptions;`
    + ` ${year.length} occurrences in ${YEAR_FROM.slice(0, 4)}, ${week.length} in the week of ${WEEK_FROM} with ${conflicts.length} conflicts`,
  ];
  const report = (name: string, samples: number[], target?: boolean) => {
    const m = median(samples);
    out.push(line(name, `median ${ms(m)}, p90 ${ms(percentile(samples, 90))} (${samples.length} runs)`,
      target ? { ok: m <= TARGET_MS, text: `target ≤ ${TARGET_MS} ms` } : undefined));
    return m;
  };

  const base = report('baseline: naive days × activities, a year', sample(() => naiveExpansion(activities, unit, YEAR_FROM, YEAR_TO)));
  const expand = report('expandSessions, a year with exceptions', sample(() => expandSessions(activities, sessions, unit, YEAR_FROM, YEAR_TO)), true);
  out.push(line('expandSessions ÷ baseline (same process)', `${(expand / base).toFixed(2)}×`));
  report('planConflicts, one week', sample(() => planConflicts(week, ctx)));
  report('a year expanded + one week’s conflicts', sample(() => {
    const y = expandSessions(activities, sessions, unit, YEAR_FROM, YEAR_TO);
    return planConflicts(y.filter((o) => o.day >= WEEK_FROM && o.day <= WEEK_TO), ctx);
  }), true);
  report('wtzHoursIssues, one week', sample(() => wtzHoursIssues(week, participants, unit, WEEK_FROM, WEEK_TO)));
  const draft = { ...activities[activities.length - 1]!, id: 'bench-draft' };
  report('conflictsForDraft, four weeks', sample(() => conflictsForDraft(draft, activities, sessions, unit, { participants, rooms, fromDay: WEEK_FROM })));
  return out;
}
