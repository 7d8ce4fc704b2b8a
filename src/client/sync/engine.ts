/**
 * The sync engine: pushes the outbox in batches, then pulls everything after the cursor in pages.
 * Outbox entries are removed only once the server acknowledged them (accepted, or refused for
 * good: those move to the `rejected` table so the user is told, and the row is put back to the
 * server's version, see storage/push-apply.ts). One bad entry never blocks the others: an entry
 * that breaks the shared mutation schema, or is over the size limit of one mutation, is set aside
 * before sending, and a batch the server (or a proxy in front of it) still refuses whole, as
 * unreadable (400) or too large (413), is split in halves until the entry at fault is found and
 * set aside. A cursor the server can no longer serve triggers a full resync that keeps this device's
 * unsent changes. Only one tab syncs at a time (Web Locks); runs are triggered on start, on
 * `online`, when the page becomes visible, shortly after local changes, and on a timer that backs
 * off exponentially, with jitter, while the server cannot be reached.
 *
 * Clocks (issue 13): every sync answer carries the server's time, and the engine keeps the
 * device's offset to it (storage/clock.ts), so stamps and "today" follow the corrected time. A
 * device learns it at sign-in (the answer carries the server's time too); one signed in with an
 * older app learns it from its first sync answer, and its unsent stamps are corrected then. A
 * change the server still refuses as stamped ahead (`clockAhead`) is stamped again at the
 * corrected time and sent once more in the same run; refused again, it is set aside like any refusal.
 */
import * as v from 'valibot';
import { clockOffset } from '../../domain';
import {
  MAX_MUTATION_BYTES, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, MutationSchema, PROTOCOL_VERSION, jsonBytes,
  type Mutation, type PullResponse, type PushResponse, type RejectedMutation,
} from '../../protocol';
import type { AppDB, OutboxEntry } from '../storage/db';
import { StorageError, type StorageErrorCode } from '../storage/errors';
import { adoptClockOffset, OFFSET_NOISE_MS, restampRefused } from '../storage/clock';
import { getMeta, setMeta, type StoredSession } from '../storage/meta';
import { applyPulledChanges, resetForFullResync } from '../storage/pull-apply';
import { applyPushResponse } from '../storage/push-apply';
import { TransportError, type Transport } from './transport';

/** Why the last sync run failed. */
export type SyncFailureCode = StorageErrorCode | 'network' | 'unauthorized' | 'deviceRevoked' | 'accountDisabled' | 'forbidden' | 'clientTooOld' | 'invalidInput' | 'server';

/** Failures no retry can mend: the device waits for the user (a new sign-in, an update) or is wiped. */
const FINAL_FAILURES: ReadonlySet<SyncFailureCode> = new Set(['unauthorized', 'deviceRevoked', 'accountDisabled', 'clientTooOld']);

export interface EngineStatus {
  syncing: boolean;
  /** Changes waiting in the outbox. */
  pending: number;
  /** Changes the server refused for good. */
  rejected: number;
  lastSyncAtMs: number | null;
  lastError: SyncFailureCode | null;
  /** The server's clock minus the device's (ms), null until the first sync answer told it. */
  clockOffsetMs: number | null;
}

export interface SyncEngineOptions {
  db: AppDB;
  transport: Transport;
  session: StoredSession;
  /** The device's own clock (uncorrected: the engine adds the offset to the server's clock). */
  nowMs?: () => number;
  random?: () => number;
  /** Runs `task` holding the cross-tab sync lock; resolves undefined when another tab holds it. */
  withLock?: <T>(task: () => Promise<T>) => Promise<T | undefined>;
  onStatus?: (status: EngineStatus) => void;
  pushBatchSize?: number;
  pullLimit?: number;
  /** Quiet time after a local change before a run (LOCAL_CHANGE_DEBOUNCE_MS). */
  debounceMs?: number;
  /** The longest a local change waits while changes keep coming (LOCAL_CHANGE_MAX_WAIT_MS). */
  maxWaitMs?: number;
}

/** The regular interval between runs while everything works. */
export const SYNC_INTERVAL_MS = 60_000;
/** The first retry delay after a failure; doubled on each further failure. */
export const BACKOFF_BASE_MS = 2_000;
/** The longest wait between retries. */
export const BACKOFF_MAX_MS = 5 * 60_000;
/** How long after a local change the engine waits, to send a burst of ticks together. */
export const LOCAL_CHANGE_DEBOUNCE_MS = 1_500;
/** The longest a change waits while taps keep coming (a therapist ticking a whole list). */
export const LOCAL_CHANGE_MAX_WAIT_MS = 10_000;

/** The delay before retry number `failures` (1, 2, ...), with ±50 % jitter so devices spread out. */
export function backoffDelay(failures: number, random: () => number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

/** The cross-tab lock of the browser, or a plain call where Web Locks are missing (tests, old browsers). */
export function browserLock<T>(task: () => Promise<T>): Promise<T | undefined> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  return locks.request('obecni-sync', { ifAvailable: true }, async (lock) => (lock ? await task() : undefined)) as Promise<T | undefined>;
}

function toMutation(entry: OutboxEntry): Mutation {
  const m: Mutation = { mutationId: entry.mutationId, entity: entry.entity, recordId: entry.recordId, hlc: entry.hlc, patch: entry.patch, deleted: entry.deleted };
  // Create-only fields travel only when there are some (a server before them would drop the key anyway).
  if (entry.ifAbsent !== undefined && entry.ifAbsent.length > 0) m.ifAbsent = [...entry.ifAbsent];
  if (entry.deleted && entry.onlyDefaults !== undefined) m.onlyDefaults = true;
  return m;
}

/** Why the server can only refuse an entry whatever the batch: too large, or not readable. */
type SetAsideReason = Extract<RejectedMutation['reason'], 'invalidRecord' | 'payloadTooLarge'>;

const TOO_LARGE = [{ path: '', code: 'tooLarge' }];

/** Why `entry` must not be sent at all (checked as the server checks: size first, then the schema), or null. */
function unsendable(entry: OutboxEntry): SetAsideReason | null {
  const mutation = toMutation(entry);
  if (jsonBytes(mutation) > MAX_MUTATION_BYTES) return 'payloadTooLarge';
  return v.is(MutationSchema, mutation) ? null : 'invalidRecord';
}

/** The answer that sets `entries` aside (with `reason`) without the server's word on their records. */
function setAsideAnswer(entries: readonly OutboxEntry[], reason: SetAsideReason, issues: { path: string; code: string }[] = []): PushResponse {
  const named = issues.length > 0 || reason !== 'payloadTooLarge' ? issues : TOO_LARGE;
  return { accepted: [], rejected: entries.map((e) => ({ mutationId: e.mutationId, reason, issues: named })) };
}

/** The refusals of a whole push that split the batch, and what a single entry still refused is set aside as. */
const SPLIT_ON: Partial<Record<TransportError['code'], SetAsideReason>> = { invalidRequest: 'invalidRecord', payloadTooLarge: 'payloadTooLarge' };

function failureCode(error: unknown): SyncFailureCode {
  if (error instanceof StorageError) return error.code;
  if (error instanceof TransportError) {
    switch (error.code) {
      case 'network': case 'unauthorized': case 'deviceRevoked': case 'accountDisabled': case 'forbidden': case 'clientTooOld': return error.code;
      case 'invalidRecord': case 'invalidRequest': case 'payloadTooLarge': return 'invalidInput';
      // Any other refusal of the sign-in itself (an expired one, say) asks for the password again.
      default: return error.status === 401 ? 'unauthorized' : 'server';
    }
  }
  return 'server';
}

export class SyncEngine {
  private readonly o: Required<Omit<SyncEngineOptions, 'onStatus'>> & Pick<SyncEngineOptions, 'onStatus'>;
  private current: Promise<boolean> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private firstWaitingAt: number | null = null;
  private stopped = true;
  private detach: (() => void) | null = null;
  status: EngineStatus = { syncing: false, pending: 0, rejected: 0, lastSyncAtMs: null, lastError: null, clockOffsetMs: null };
  /** Mutations refused as `clockAhead` once in this run (stamped again and resent; a second refusal sets them aside). */
  private clockRefused = new Set<string>();

  constructor(options: SyncEngineOptions) {
    this.o = {
      nowMs: () => Date.now(),
      random: Math.random,
      withLock: browserLock,
      pushBatchSize: 200,
      pullLimit: MAX_PULL_LIMIT,
      debounceMs: LOCAL_CHANGE_DEBOUNCE_MS,
      maxWaitMs: LOCAL_CHANGE_MAX_WAIT_MS,
      ...options,
    };
    this.o.pushBatchSize = Math.min(this.o.pushBatchSize, MAX_PUSH_MUTATIONS);
  }

  private emit(patch: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...patch };
    this.o.onStatus?.(this.status);
  }

  /** Re-reads the outbox size and the last sync time (after a local write, or at start). */
  async refreshCounts(): Promise<void> {
    const [pending, rejected, last, offset] = await Promise.all([
      this.o.db.outbox.count(), this.o.db.rejected.count(), getMeta(this.o.db, 'lastSyncAtMs'), getMeta(this.o.db, 'clockOffsetMs'),
    ]);
    this.emit({ pending, rejected, lastSyncAtMs: last ?? this.status.lastSyncAtMs, clockOffsetMs: offset ?? this.status.clockOffsetMs });
  }

  /**
   * One full run (push, then pull until the server has nothing more). Concurrent calls share the
   * running one and ask for one more run after it. Resolves true on success.
   */
  sync(): Promise<boolean> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      let ok = true;
      do {
        this.again = false;
        const result = await this.o.withLock(() => this.runOnce());
        ok = result ?? true;
      } while (this.again && ok);
      return ok;
    })().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async runOnce(): Promise<boolean> {
    this.emit({ syncing: true });
    this.clockRefused = new Set();
    try {
      const offset = await getMeta(this.o.db, 'clockOffsetMs');
      if (offset !== undefined && offset !== this.status.clockOffsetMs) this.emit({ clockOffsetMs: offset });
      await this.pushAll();
      await this.pullAll();
      const now = this.correctedNow();
      await setMeta(this.o.db, 'lastSyncAtMs', now);
      this.failures = 0;
      this.emit({ syncing: false, lastError: null, lastSyncAtMs: now });
      await this.refreshCounts();
      this.schedule(SYNC_INTERVAL_MS);
      return true;
    } catch (error) {
      this.failures += 1;
      const code = failureCode(error);
      this.emit({ syncing: false, lastError: code });
      await this.refreshCounts().catch(() => undefined);
      if (!FINAL_FAILURES.has(code)) this.schedule(backoffDelay(this.failures, this.o.random));
      return false;
    }
  }

  /** The device's clock corrected by the kept offset to the server's. */
  private correctedNow(): number {
    return this.o.nowMs() + (this.status.clockOffsetMs ?? 0);
  }

  /** Calls the server and keeps the offset its answer's time shows (before the answer is stored). */
  private async timed<T extends { serverTimeMs?: number }>(call: () => Promise<T>): Promise<T> {
    const sent = this.o.nowMs();
    const answer = await call();
    if (typeof answer.serverTimeMs === 'number' && Number.isFinite(answer.serverTimeMs)) {
      const measured = clockOffset(answer.serverTimeMs, sent, this.o.nowMs());
      const kept = this.status.clockOffsetMs;
      // Within the noise of the round trip nothing changes: no transaction for each page of a pull.
      if (kept !== null && Math.abs(measured - kept) < OFFSET_NOISE_MS) return answer;
      const offset = await adoptClockOffset(this.o.db, measured, this.o.nowMs(), this.o.session.deviceId);
      if (offset !== kept) this.emit({ clockOffsetMs: offset });
    }
    return answer;
  }

  private async pushAll(): Promise<void> {
    const { db, session } = this.o;
    for (;;) {
      const batch = await db.outbox.orderBy('seq').limit(this.o.pushBatchSize).toArray();
      if (batch.length === 0) return;
      // An entry that breaks the shared mutation schema, or is over MAX_MUTATION_BYTES, is set
      // aside at once: the server would refuse it anyway (and one without a usable mutation id
      // makes it refuse the whole batch; one too large may take the batch over the body limit).
      const aside = batch.map((entry) => ({ entry, reason: unsendable(entry) }));
      const tooLarge = aside.filter((a) => a.reason === 'payloadTooLarge').map((a) => a.entry);
      const malformed = aside.filter((a) => a.reason === 'invalidRecord').map((a) => a.entry);
      let progress = 0;
      if (tooLarge.length > 0) progress += await applyPushResponse(db, tooLarge, setAsideAnswer(tooLarge, 'payloadTooLarge'), session.deviceId, this.correctedNow());
      if (malformed.length > 0) progress += await applyPushResponse(db, malformed, setAsideAnswer(malformed, 'invalidRecord'), session.deviceId, this.correctedNow());
      if (progress === 0) progress = await this.pushBatch(batch);
      this.emit({ pending: await db.outbox.count(), rejected: await db.rejected.count() });
      if (progress === 0) throw new TransportError('server', 200);
    }
  }

  /**
   * Pushes `batch` and stores the answer; resolves with how many entries were settled. A batch the
   * server refuses whole, as unreadable (400 invalidRequest) or too large (413 payloadTooLarge:
   * over the body limit of the server or of a proxy in front of it), is split in halves, so the
   * entries it takes go through; a single entry still refused is set aside (`invalidRecord` or
   * `payloadTooLarge`), once an empty push has shown that the request itself is fine (else the
   * error stands and nothing is set aside).
   */
  private async pushBatch(batch: readonly OutboxEntry[]): Promise<number> {
    const { db, transport, session } = this.o;
    const send = (entries: readonly OutboxEntry[]) => this.timed(() => transport.push(session.deviceToken, {
      protocolVersion: PROTOCOL_VERSION, deviceId: session.deviceId, mutations: entries.map(toMutation),
    }));
    let response: PushResponse;
    try {
      response = await send(batch);
    } catch (error) {
      const reason = error instanceof TransportError ? SPLIT_ON[error.code] : undefined;
      if (reason === undefined) throw error;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        return (await this.pushBatch(batch.slice(0, half))) + (await this.pushBatch(batch.slice(half)));
      }
      await send([]);
      response = setAsideAnswer(batch, reason, (error as TransportError).issues);
    }
    return (await this.restampClockAhead(response)) + await applyPushResponse(db, batch, response, session.deviceId, this.correctedNow());
  }

  /**
   * Takes out of `response` the first `clockAhead` refusal of each entry in this run: such an entry
   * stays in the outbox, stamped again at the corrected time, to be sent once more. Resolves with
   * how many were stamped again (progress of the push).
   */
  private async restampClockAhead(response: PushResponse): Promise<number> {
    const again = new Set<string>();
    response.rejected = response.rejected.filter((r) => {
      if (r.reason !== 'clockAhead' || this.clockRefused.has(r.mutationId)) return true;
      this.clockRefused.add(r.mutationId);
      again.add(r.mutationId);
      return false;
    });
    if (again.size > 0) await restampRefused(this.o.db, again, this.correctedNow(), this.o.session.deviceId);
    return again.size;
  }

  private async pullAll(): Promise<void> {
    const { db, transport, session } = this.o;
    let resynced = false;
    let since = (await getMeta(db, 'cursor')) ?? 0;
    // The next page is asked for while the current one is being stored, so the network and the
    // server work while IndexedDB writes. Pages are still stored strictly in order, each with
    // its cursor, so a failure anywhere resumes from the last stored page.
    let next: Promise<PullResponse> | null = null;
    for (;;) {
      let page: PullResponse;
      try {
        page = await (next ?? this.timed(() => transport.pull(session.deviceToken, since, this.o.pullLimit)));
      } catch (error) {
        next = null;
        if (error instanceof TransportError && error.code === 'cursorExpired' && !resynced) {
          resynced = true;
          await resetForFullResync(db);
          since = 0;
          continue;
        }
        throw error;
      }
      next = page.hasMore ? this.timed(() => transport.pull(session.deviceToken, page.cursor, this.o.pullLimit)) : null;
      // Its failure is handled when it is awaited (or dropped with this run if storing fails).
      next?.catch(() => undefined);
      await applyPulledChanges(db, page.changes, page.cursor, session.deviceId, this.correctedNow());
      since = page.cursor;
      if (!page.hasMore) return;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync(), delayMs);
  }

  /** Tells the engine a local change was written: counts update now, a run follows shortly. */
  notifyLocalChange(): void {
    void this.refreshCounts().catch(() => undefined);
    if (this.stopped) return;
    if (this.debounce) clearTimeout(this.debounce);
    const now = this.o.nowMs();
    this.firstWaitingAt ??= now;
    const waited = now - this.firstWaitingAt;
    this.debounce = setTimeout(() => {
      this.firstWaitingAt = null;
      void this.sync();
    }, Math.max(0, Math.min(this.o.debounceMs, this.o.maxWaitMs - waited)));
  }

  /** Starts syncing now and on every trigger (online, page visible, timer). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const run = () => void this.sync();
    const visible = () => {
      if (document.visibilityState === 'visible') run();
    };
    if (typeof window !== 'undefined') {
      window.addEventListener('online', run);
      document.addEventListener('visibilitychange', visible);
    }
    this.detach = () => {
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', run);
        document.removeEventListener('visibilitychange', visible);
      }
    };
    void this.refreshCounts().catch(() => undefined);
    run();
  }

  /** Stops the triggers (sign-out); a run in progress finishes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.timer = null;
    this.debounce = null;
    this.detach?.();
    this.detach = null;
  }

  /** Resolves when the run in progress (if any) is over. */
  async idle(): Promise<void> {
    await this.current?.catch(() => undefined);
  }
}
