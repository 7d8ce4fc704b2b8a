// A stand-in for src/client/state in component tests (vi.mock): every hook reads a signal the test
// sets, every action is a vi.fn the test can inspect. Screens re-render when a signal changes.
import { signal } from '@preact/signals';
import { vi } from 'vitest';
import {
  DIETS, mealCountsByDiet, pickupList, type Activity, type Diet, type MealMonthSummary, type MonthlySheet, type PeriodReport, type Participant, type Room, type Session, type StaffMember, type TransportEvent, type Route, type RouteStop, type Unit,
} from '../../../src/domain';
import { buildPlanWeek, type PlanWeek } from '../../../src/client/state/plan/week';
import { canEditPlan } from '../../../src/client/state/plan/activities';
import { mealMonthRange } from '../../../src/client/state/meals/month';
import type { SetupStatus } from '../../../src/protocol';
import type { ActionResult, AppError, ClockWarning, LockState, LocalSession, PendingChanges, WipeReason, QueryResult, RejectedChanges, StorageInfo, SyncStatus, TodayOverview } from '../../../src/client/state';
import type { AttendanceDay, UndoInfo } from '../../../src/client/state/attendance';
import type { ExportLogEntry, SdsYear } from '../../../src/client/state/reports';
import type { WtzAnnualReport } from '../../../src/domain/rules/kinds/wtz-annual';
import type { RouteDraft, PickupListWithEvents, ShownContradiction } from '../../../src/client/state/transport';
import type { MealsDay } from '../../../src/client/state/meals';

const loaded = <T>(data: T): QueryResult<T> => ({ data, isLoading: false, error: null });
const loading = <T>(): QueryResult<T> => ({ data: undefined, isLoading: true, error: null });

export const session: LocalSession = {
  deviceId: 'dev-1', userId: 'user-1', displayName: 'Ewa Lis', login: 'ewa.lis', roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1',
};

export const fake = {
  session: signal<QueryResult<LocalSession | null>>(loaded(null)),
  setup: signal<QueryResult<SetupStatus>>(loaded({ initialized: false, demoAvailable: true })),
  units: signal<Unit[]>([]),
  currentUnitId: signal<string | null>(null),
  overview: signal<QueryResult<TodayOverview>>(loading()),
  participants: signal<QueryResult<Participant[]>>(loaded([])),
  rooms: signal<QueryResult<Room[]>>(loaded([])),
  activities: signal<QueryResult<Activity[]>>(loaded([])),
  routes: signal<QueryResult<{ route: Route; stops: RouteStop[] }[]>>(loaded([])),
  today: signal('2026-11-23'),
  sync: signal<SyncStatus>({ online: true, syncing: false, pending: 0, lastSyncAt: null, lastError: null }),
  rejected: signal<QueryResult<RejectedChanges>>(loaded({ total: 0, newest: [] })),
  storageInfo: signal<QueryResult<StorageInfo>>(loaded({ persisted: false, usage: 5 * 1024 * 1024, quota: 200 * 1024 * 1024 })),
  storageProblem: signal<AppError | null>(null),
  clockWarning: signal<ClockWarning | null>(null),
  updateAvailable: signal(false),
  unsavedWork: signal(false),
  formDirty: signal(false),
  lastChange: signal<UndoInfo | null>(null),
  sheet: signal<QueryResult<MonthlySheet>>(loading()),
  report: signal<QueryResult<PeriodReport>>(loading()),
  sdsYear: signal<QueryResult<SdsYear>>(loading()),
  wtzAnnual: signal<QueryResult<WtzAnnualReport>>(loading()),
  pendingExports: signal(0),
  notHome: signal<QueryResult<TransportEvent[]>>(loaded([])),
  contradictions: signal<QueryResult<ShownContradiction[]>>(loaded([])),
  mealMonth: signal<QueryResult<MealMonthSummary>>(loading()),
  pendingChanges: signal<PendingChanges>({ total: 0, byEntity: {} }),
  wipeNotice: signal<WipeReason | null>(null),
  lock: signal<LockState>({ locked: false, hasPin: false, failures: 0, minutes: 5, wipeAfter: 10, hasPassword: true }),
  sessions: signal<Session[]>([]),
  staff: signal<StaffMember[]>([]),
};

const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });

export const actions = {
  startApp: vi.fn(),
  syncNow: vi.fn(() => Promise.resolve()),
  setupOrganization: vi.fn(ok),
  loadDemoCentre: vi.fn(ok),
  login: vi.fn(ok),
  logoutAndWipe: vi.fn((_discard?: PendingChanges) => Promise.resolve({ ok: true } as { ok: true } | { ok: false; pending: PendingChanges })),
  prepareSignOut: vi.fn(() => Promise.resolve(fake.pendingChanges.value)),
  exportPendingChanges: vi.fn(() => Promise.resolve(new Blob(['{}']))),
  signInAgain: vi.fn(ok),
  setWipeAfter: vi.fn(() => Promise.resolve()),
  requestPersistentStorage: vi.fn(() => Promise.resolve(true)),
  applyUpdate: vi.fn(() => Promise.resolve()),
  markDay: vi.fn(ok),
  clearDayMark: vi.fn(ok),
  markRemainingPresent: vi.fn(ok),
  markSession: vi.fn(ok),
  saveStudioLog: vi.fn(ok),
  saveAbsenceNotice: vi.fn(ok),
  deleteAbsenceNotice: vi.fn(ok),
  undoLastChange: vi.fn(ok),
  forgetLastChange: vi.fn(),
  monthlySheetCsv: vi.fn(() => new Blob(['csv'])),
  exportMonthlySheet: vi.fn((_sheet: MonthlySheet, _unitName: string, format: 'csv' | 'xlsx') => Promise.resolve(new Blob([format]))),
  exportPeriodReport: vi.fn((_report: PeriodReport, _label: (c: string) => string) => Promise.resolve(new Blob(['xlsx']))),
  exportSdsRegister: vi.fn((_year: SdsYear, _unitName: string) => Promise.resolve(new Blob(['xlsx']))),
  exportWtzAnnual: vi.fn((_report: WtzAnnualReport, _unitId: string, _unitName: string) => Promise.resolve(new Blob(['xlsx']))),
  recordPrint: vi.fn(() => Promise.resolve()),
  flushPendingExports: vi.fn(() => Promise.resolve()),
  pendingExportCount: vi.fn(() => Promise.resolve(fake.pendingExports.value)),
  loadExportLog: vi.fn(() => Promise.resolve({ ok: true as const, value: { exports: [] as ExportLogEntry[] } })),
  saveParticipant: vi.fn(() => Promise.resolve({ ok: true as const, id: 'p-new' })),
  importParticipants: vi.fn(ok),
  dischargeParticipant: vi.fn(ok),
  readmitParticipant: vi.fn(ok),
  eraseParticipant: vi.fn(ok),
  exportRegister: vi.fn((_unitId: string, _people: readonly Participant[], _studios: ReadonlyMap<string, string>, _day: string) => Promise.resolve(new Blob(['csv']))),
  loadAccounts: vi.fn(() => Promise.resolve({
    ok: true as const,
    value: {
      accounts: [{ id: 'user-1', login: 'ewa.lis', displayName: 'Ewa Lis', roles: ['administrator'], unitIds: ['unit-1'], disabled: false }],
      devices: [{ id: 'dev-9', userId: 'user-1', userName: 'Ewa Lis', name: 'Tablet pracownia', createdAtMs: 0, lastSeenAtMs: null, revokedAtMs: null }],
    },
  })),
  createAccount: vi.fn(ok),
  sendMealOrder: vi.fn(ok),
  markStop: vi.fn(ok),
  keepDayMark: vi.fn(ok),
  saveRoute: vi.fn((draft: RouteDraft, _baseline: RouteDraft | null) => Promise.resolve({ ok: true as const, id: draft.id ?? 'route-new', stopIds: draft.stops.map((s, i) => s.id ?? `stop-new-${i}`) })),
  deleteRoute: vi.fn(ok),
  exportMealMonth: vi.fn((_unitId: string, _summary: MealMonthSummary, _unitName: string, _dietName: (d: Diet) => string) => Promise.resolve(new Blob(['csv']))),
  updateAccount: vi.fn(ok),
  revokeDevice: vi.fn(ok),
  unlock: vi.fn((pin: string) => {
    const ok = pin === '2468';
    fake.lock.value = ok ? { ...fake.lock.value, locked: false, failures: 0 } : { ...fake.lock.value, failures: fake.lock.value.failures + 1 };
    return Promise.resolve(ok);
  }),
  setPin: vi.fn(ok),
  setLockMinutes: vi.fn(() => Promise.resolve()),
  lockNow: vi.fn(() => {
    fake.pendingChanges.value = { total: 0, byEntity: {} };
  fake.wipeNotice.value = null;
  fake.lock.value = { ...fake.lock.value, locked: true };
    return Promise.resolve();
  }),
  saveActivity: vi.fn(() => Promise.resolve({ ok: true as const, id: 'a-new' })),
  deleteActivity: vi.fn(ok),
  cancelOccurrence: vi.fn(ok),
  restoreOccurrence: vi.fn(ok),
  moveOccurrence: vi.fn(ok),
  substituteOccurrence: vi.fn(ok),
  copyWeek: vi.fn(() => Promise.resolve({ ok: true as const, count: 1 })),
  startNewTerm: vi.fn(() => Promise.resolve({ ok: true as const, count: 2 })),
  selectUnit: vi.fn((id: string) => {
    fake.currentUnitId.value = id;
  }),
};

/** Back to a first start: no session, server not initialized, nothing loaded. */
export function resetFake(): void {
  fake.session.value = loaded(null);
  fake.setup.value = loaded({ initialized: false, demoAvailable: true });
  fake.units.value = [];
  fake.currentUnitId.value = null;
  fake.overview.value = loading();
  fake.participants.value = loaded([]);
  fake.rooms.value = loaded([]);
  fake.activities.value = loaded([]);
  fake.routes.value = loaded([]);
  fake.today.value = '2026-11-23';
  fake.sync.value = { online: true, syncing: false, pending: 0, lastSyncAt: null, lastError: null };
  fake.rejected.value = loaded({ total: 0, newest: [] });
  fake.storageInfo.value = loaded({ persisted: false, usage: 5 * 1024 * 1024, quota: 200 * 1024 * 1024 });
  fake.storageProblem.value = null;
  fake.clockWarning.value = null;
  fake.updateAvailable.value = false;
  fake.unsavedWork.value = false;
  fake.formDirty.value = false;
  fake.lastChange.value = null;
  fake.sheet.value = loading();
  fake.report.value = loading();
  fake.sdsYear.value = loading();
  fake.wtzAnnual.value = loading();
  fake.pendingExports.value = 0;
  fake.notHome.value = loaded([]);
  fake.contradictions.value = loaded([]);
  fake.mealMonth.value = loading();
  fake.pendingChanges.value = { total: 0, byEntity: {} };
  fake.wipeNotice.value = null;
  fake.lock.value = { locked: false, hasPin: false, failures: 0, minutes: 5, wipeAfter: 10, hasPassword: true };
  fake.sessions.value = [];
  fake.staff.value = [];
  for (const action of Object.values(actions)) action.mockClear();
}

/** Signed in, with one unit chosen and its overview loaded. */
export function signIn(unit: Unit, overview?: TodayOverview): void {
  fake.session.value = loaded(session);
  fake.setup.value = loaded({ initialized: true, demoAvailable: true });
  fake.units.value = [unit];
  fake.currentUnitId.value = unit.id;
  if (overview) fake.overview.value = loaded(overview);
}

export { loaded };

/** The module that replaces src/client/state. */
export function fakeStateModule() {
  return {
    startApp: actions.startApp,
    recordPrint: actions.recordPrint,
    pendingExportCount: actions.pendingExportCount,
    useLocalSession: () => fake.session.value,
    useSetupStatus: () => fake.setup.value,
    useOrganization: () => loaded(null),
    useUnits: () => loaded(fake.units.value),
    useCurrentUnit: () => ({
      unit: fake.units.value.find((u) => u.id === fake.currentUnitId.value) ?? null,
      units: fake.units.value,
      isLoading: false,
      select: actions.selectUnit,
    }),
    useRooms: () => fake.rooms.value,
    useStaff: () => loaded(fake.staff.value),
    useParticipants: () => fake.participants.value,
    useActivities: () => fake.activities.value,
    useRoutes: () => fake.routes.value,
    useTodayOverview: (unitId: string | null) => (unitId ? fake.overview.value : loading<TodayOverview>()),
    useToday: () => fake.today.value,
    useAttendanceDay: (unitId: string | null): QueryResult<AttendanceDay> => {
      const o = fake.overview.value;
      if (!unitId || !o.data) return loading<AttendanceDay>();
      return loaded({ ...o.data, participants: o.data.expected, added: [], sessionMarks: [], sessionLogs: [], suggested: [] });
    },
    markDay: actions.markDay,
    clearDayMark: actions.clearDayMark,
    markRemainingPresent: actions.markRemainingPresent,
    markSession: actions.markSession,
    saveStudioLog: actions.saveStudioLog,
    saveAbsenceNotice: actions.saveAbsenceNotice,
    deleteAbsenceNotice: actions.deleteAbsenceNotice,
    undoLastChange: actions.undoLastChange,
    forgetLastChange: actions.forgetLastChange,
    useLastChange: () => fake.lastChange.value,
    currentTime: () => '08:42',
    markStop: actions.markStop,
    useNotHome: () => fake.notHome.value,
    useMarkContradictions: () => fake.contradictions.value,
    keepDayMark: actions.keepDayMark,
    usePickupLists: (unitId: string | null, day: string): QueryResult<PickupListWithEvents[]> => {
      const unit = fake.units.value.find((u) => u.id === unitId);
      const routes = fake.routes.value.data;
      if (!unit || !routes) return loading<PickupListWithEvents[]>();
      const people = fake.participants.value.data ?? [];
      const o = fake.overview.value.data;
      return loaded(routes.map(({ route, stops }) => ({ ...pickupList(route, stops, people, unit, o?.notices ?? [], o?.marks ?? [], fake.activities.value.data ?? [], day), events: new Map() })));
    },
    loadHistory: vi.fn(() => Promise.resolve({ ok: true, entries: [] })),
    loadAccounts: actions.loadAccounts,
    createAccount: actions.createAccount,
    updateAccount: actions.updateAccount,
    revokeDevice: actions.revokeDevice,
    useLock: () => fake.lock.value,
    unlock: actions.unlock,
    setPin: actions.setPin,
    setLockMinutes: actions.setLockMinutes,
    setWipeAfter: actions.setWipeAfter,
    lockNow: actions.lockNow,
    needsPassword: (s: LockState) => s.failures >= 5,
    WIPE_AFTER_CHOICES: [10, 15, 20],
    isValidPin: (pin: string) => /^\d{4,8}$/.test(pin),
    MAX_PIN_FAILURES: 5,
    LOCK_MINUTES_CHOICES: [1, 2, 5, 10, 15, 30],
    DEFAULT_LOCK_MINUTES: 5,
    useSyncStatus: () => fake.sync.value,
    useRejectedChanges: () => fake.rejected.value,
    syncNow: actions.syncNow,
    useStorageInfo: () => fake.storageInfo.value,
    requestPersistentStorage: actions.requestPersistentStorage,
    useStorageProblem: () => fake.storageProblem.value,
    useClockWarning: () => fake.clockWarning.value,
    setupOrganization: actions.setupOrganization,
    loadDemoCentre: actions.loadDemoCentre,
    login: actions.login,
    logoutAndWipe: actions.logoutAndWipe,
    prepareSignOut: actions.prepareSignOut,
    exportPendingChanges: actions.exportPendingChanges,
    signInAgain: actions.signInAgain,
    useWipeNotice: () => fake.wipeNotice.value,
    useUpdateAvailable: () => fake.updateAvailable.value,
    applyUpdate: actions.applyUpdate,
    useUnsavedWork: (dirty: boolean) => {
      fake.formDirty.value = dirty;
    },
    useHasUnsavedWork: () => fake.unsavedWork.value,
  };
}

/** The module that replaces src/client/state/planner (the planner's own part of the state layer). */
export function fakePlannerModule() {
  return {
    buildPlanWeek,
    usePlanWeek: (unitId: string | null, day: string): QueryResult<PlanWeek> => {
      const unit = fake.units.value.find((u) => u.id === unitId);
      if (!unit) return loading<PlanWeek>();
      return loaded(buildPlanWeek({
        unit, activities: (fake.activities.value.data ?? []).filter((a) => !a.deleted), sessions: fake.sessions.value,
        participants: fake.participants.value.data ?? [], rooms: fake.rooms.value.data ?? [], staff: fake.staff.value,
      }, day));
    },
    canEditPlan,
    saveActivity: actions.saveActivity,
    deleteActivity: actions.deleteActivity,
    cancelOccurrence: actions.cancelOccurrence,
    restoreOccurrence: actions.restoreOccurrence,
    moveOccurrence: actions.moveOccurrence,
    substituteOccurrence: actions.substituteOccurrence,
    copyWeek: actions.copyWeek,
    startNewTerm: actions.startNewTerm,
  };
}

/** A stand-in for src/client/state/reporting (the reports screen's face). */
export function fakeReportingModule() {
  return {
    useMonthlySheet: (unitId: string | null) => (unitId ? fake.sheet.value : loading<MonthlySheet>()),
    monthlySheetCsv: actions.monthlySheetCsv,
    usePeriodReport: (unitId: string | null) => (unitId ? fake.report.value : loading<PeriodReport>()),
    exportMonthlySheet: actions.exportMonthlySheet,
    exportPeriodReport: actions.exportPeriodReport,
    useSdsYear: (unitId: string | null) => (unitId ? fake.sdsYear.value : loading<SdsYear>()),
    exportSdsRegister: actions.exportSdsRegister,
    useWtzAnnual: (unitId: string | null) => (unitId ? fake.wtzAnnual.value : loading<WtzAnnualReport>()),
    exportWtzAnnual: actions.exportWtzAnnual,
    flushPendingExports: actions.flushPendingExports,
    loadExportLog: actions.loadExportLog,
  };
}

/** A stand-in for src/client/state/registry (the register screen's face). */
export function fakeRegistryModule() {
  return {
    saveParticipant: actions.saveParticipant,
    importParticipants: actions.importParticipants,
    dischargeParticipant: actions.dischargeParticipant,
    readmitParticipant: actions.readmitParticipant,
    eraseParticipant: actions.eraseParticipant,
    exportRegister: actions.exportRegister,
  };
}

/** A stand-in for src/client/state/kitchen (the meals screen's face). */
export function fakeKitchenModule() {
  return {
    useMealsDay: (unitId: string | null, day: string): QueryResult<MealsDay> => {
      const o = fake.overview.value.data;
      if (!unitId || !o) return loading<MealsDay>();
      const toOrder = mealCountsByDiet(o.expected, o.marks, o.notices, day);
      const served = Object.fromEntries(DIETS.map((d) => [d, 0])) as MealsDay['served'];
      return loaded({
        day, toOrder, total: DIETS.reduce((a, d) => a + toOrder[d], 0), sent: null, state: { kind: 'notSent', overdue: false }, changes: {}, served, servedTotal: 0,
        allergies: o.expected.filter((p) => p.allergies.trim() !== ''),
      });
    },
    sendMealOrder: actions.sendMealOrder,
    useMealMonth: (unitId: string | null) => (unitId ? fake.mealMonth.value : loading<MealMonthSummary>()),
    exportMealMonth: actions.exportMealMonth,
    mealMonthRange,
  };
}

/** A stand-in for src/client/state/route-editing (the route editor's face). */
export function fakeRouteEditingModule() {
  return {
    ...fakeStateModule(),
    saveRoute: actions.saveRoute,
    deleteRoute: actions.deleteRoute,
  };
}

/** A stand-in for src/client/state/exports (the export audit shared by the screens that make files). */
export function fakeExportsModule() {
  return { recordPrint: actions.recordPrint, pendingExportCount: actions.pendingExportCount };
}
