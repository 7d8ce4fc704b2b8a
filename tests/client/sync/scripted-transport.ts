// A transport the test scripts: an in-memory "server" keeping records by id, with switches for
// failures (network down, lost responses, cursor expired, refusals). It does not merge by HLC:
// the merge is the real server's job and is tested against it in tests/server/client-sync.
import type {
  AccessExport, AccessFormat, AccountPatch, AccountsResponse, ExportLogResponse, ExportRecord, HistoryResponse, LoginRequest, NewAccount, PullResponse, PushRequest, PushResponse, PulledChange, RecordVersion,
  SessionInfo, SetupRequest, SetupStatus,
} from '../../../src/protocol';
import { TransportError, type Transport } from '../../../src/client/sync/transport';
import { DEFAULT_CLOCK_TOLERANCE_MS, stampAhead } from '../../../src/domain';

export class ScriptedTransport implements Transport {
  changes: PulledChange[] = [];
  pushes: PushRequest[] = [];
  down = false;
  /** Apply the next push, then fail as if the response was lost. */
  loseNextResponse = false;
  cursorExpiredOnce = false;
  /** Record ids (or mutation ids) whose mutations are rejected as invalid. */
  reject = new Set<string>();
  /** Per rejected record id: the server's version the rejection carries (absent: none sent). */
  rejectCurrent = new Map<string, RecordVersion | null>();
  /** A push holding one of these mutation ids is refused whole: 400 invalidRequest (an older server, or an unreadable mutation). */
  unreadable = new Set<string>();
  /** Every push is refused whole (400), even an empty one (the request itself is broken). */
  refuseAll = false;
  /** A push whose JSON is longer than this is refused whole: 413 payloadTooLarge (a body limit, the server's or a proxy's). */
  bodyLimit: number | null = null;
  seen = new Set<string>();
  /** The server's clock: when set, answers carry it and a push stamped ahead of it is refused (`clockAhead`). */
  serverNowMs: (() => number) | null = null;
  /** A server whose check disagrees with the time it tells: refuses every stamp after this (ms). */
  refuseStampsAfterMs: number | null = null;

  private timed<T extends object>(answer: T): T {
    return this.serverNowMs ? { ...answer, serverTimeMs: this.serverNowMs() } : answer;
  }

  private fail(): void {
    if (this.down) throw new TransportError('network', 0);
  }

  setupStatus(): Promise<SetupStatus> {
    return Promise.resolve({ initialized: true, demoAvailable: false });
  }
  setup(_request: SetupRequest): Promise<SessionInfo> { return Promise.reject(new TransportError('alreadyInitialized', 409)); }
  loadDemo(_deviceName: string): Promise<SessionInfo> { return Promise.reject(new TransportError('alreadyInitialized', 409)); }
  login(_request: LoginRequest): Promise<SessionInfo> { return Promise.reject(new TransportError('unauthorized', 401)); }
  logout(_token: string): Promise<void> { return Promise.resolve(); }

  push(_token: string, request: PushRequest): Promise<PushResponse> {
    this.fail();
    this.pushes.push(request);
    if (this.bodyLimit !== null && JSON.stringify(request).length > this.bodyLimit) return Promise.reject(new TransportError('payloadTooLarge', 413));
    if (this.refuseAll || request.mutations.some((m) => this.unreadable.has(m.mutationId))) {
      return Promise.reject(new TransportError('invalidRequest', 400, [{ path: 'mutations', code: 'invalid' }]));
    }
    const response: PushResponse = { accepted: [], rejected: [] };
    for (const m of request.mutations) {
      const ahead = this.refuseStampsAfterMs !== null ? stampAhead(m.hlc, this.refuseStampsAfterMs, 0)
        : this.serverNowMs !== null && stampAhead(m.hlc, this.serverNowMs(), DEFAULT_CLOCK_TOLERANCE_MS);
      if (ahead) {
        response.rejected.push({ mutationId: m.mutationId, reason: 'clockAhead', issues: [{ path: 'hlc', code: 'clockAhead' }], current: null });
        continue;
      }
      if (this.reject.has(m.recordId) || this.reject.has(m.mutationId)) {
        const current = this.rejectCurrent.get(m.recordId);
        response.rejected.push({ mutationId: m.mutationId, reason: 'invalidRecord', issues: [{ path: 'name', code: 'required' }], ...(current !== undefined ? { current } : {}) });
        continue;
      }
      if (!this.seen.has(m.mutationId)) {
        this.seen.add(m.mutationId);
        const previous = [...this.changes].reverse().find((c) => c.recordId === m.recordId)?.data ?? {};
        this.changes.push({ seq: this.changes.length + 1, entity: m.entity, recordId: m.recordId, deleted: m.deleted, data: { ...previous, ...m.patch, id: m.recordId, hlc: m.hlc, deleted: m.deleted } });
      }
      response.accepted.push(m.mutationId);
    }
    if (this.loseNextResponse) {
      this.loseNextResponse = false;
      return Promise.reject(new TransportError('network', 0));
    }
    return Promise.resolve(this.timed(response));
  }

  accounts(_token: string): Promise<AccountsResponse> {
    this.fail();
    return Promise.resolve({ accounts: [], devices: [] });
  }
  createAccount(_token: string, _account: NewAccount): Promise<{ id: string }> { this.fail(); return Promise.resolve({ id: 'acc-1' }); }
  updateAccount(_token: string, _id: string, _patch: AccountPatch): Promise<void> { this.fail(); return Promise.resolve(); }
  revokeDevice(_token: string, _id: string): Promise<void> { this.fail(); return Promise.resolve(); }

  /** Exports recorded through this transport (issue 7). */
  readonly exports: ExportRecord[] = [];
  recordExport(_token: string, record: ExportRecord): Promise<{ recorded: boolean }> {
    this.fail();
    const fresh = !this.exports.some((e) => e.exportId === record.exportId);
    if (fresh) this.exports.push(record);
    return Promise.resolve({ recorded: fresh });
  }
  exportLog(_token: string): Promise<ExportLogResponse> {
    this.fail();
    return Promise.resolve({ exports: [] });
  }

  /** The access exports asked for (participant id and format); answered with `accessAnswer`. */
  accessAsked: { participantId: string; format: AccessFormat }[] = [];
  accessAnswer: AccessExport | null = null;

  accessExport(_token: string, participantId: string, format: AccessFormat): Promise<AccessExport> {
    this.fail();
    this.accessAsked.push({ participantId, format });
    if (!this.accessAnswer) return Promise.reject(new TransportError('notFound', 404));
    return Promise.resolve(this.accessAnswer);
  }

  history(_token: string, _entity: string, _recordId: string): Promise<HistoryResponse> {
    this.fail();
    return Promise.resolve({ entries: [] });
  }

  pull(_token: string, since: number, limit: number): Promise<PullResponse> {
    this.fail();
    if (this.cursorExpiredOnce && since > 0) {
      this.cursorExpiredOnce = false;
      return Promise.reject(new TransportError('cursorExpired', 410));
    }
    const page = this.changes.filter((c) => c.seq > since).slice(0, limit);
    const cursor = page.at(-1)?.seq ?? since;
    return Promise.resolve(this.timed({ changes: page, cursor, hasMore: this.changes.some((c) => c.seq > cursor) }));
  }
}
