/**
 * How the device talks to the server. The sync engine and the session actions depend on the
 * {@link Transport} interface only; the HTTP implementation is below, and tests inject one that
 * calls the server app in-process or fails on purpose. Every failure becomes a TransportError
 * with a reason code; response bodies and URLs with personal data are never kept in it.
 */
import {
  PROTOCOL_VERSION, ProtocolHeader,
  type AccountPatch, type AccountsResponse, type ApiError, type ExportLogResponse, type ExportRecord, type HistoryResponse, type LoginRequest, type NewAccount, type PullResponse, type PushRequest, type PushResponse, type ReasonCode,
  type SessionInfo, type SetupRequest, type SetupStatus,
} from '../../protocol';

/** A failure talking to the server: `network` when it could not be reached at all. */
export class TransportError extends Error {
  readonly code: ReasonCode | 'network' | 'server';
  readonly status: number;
  readonly issues: { path: string; code: string }[];
  constructor(code: TransportError['code'], status: number, issues: { path: string; code: string }[] = []) {
    super(code);
    this.name = 'TransportError';
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/** The server's API as the client uses it. `token` is the device's bearer token. */
export interface Transport {
  setupStatus(): Promise<SetupStatus>;
  setup(request: SetupRequest): Promise<SessionInfo>;
  loadDemo(deviceName: string): Promise<SessionInfo>;
  login(request: LoginRequest): Promise<SessionInfo>;
  logout(token: string): Promise<void>;
  push(token: string, request: PushRequest): Promise<PushResponse>;
  pull(token: string, since: number, limit: number): Promise<PullResponse>;
  /** The server's history of one record (online only). */
  history(token: string, entity: string, recordId: string): Promise<HistoryResponse>;
  /** Administrators: accounts and devices (online only). */
  accounts(token: string): Promise<AccountsResponse>;
  createAccount(token: string, account: NewAccount): Promise<{ id: string }>;
  updateAccount(token: string, id: string, patch: AccountPatch): Promise<void>;
  revokeDevice(token: string, id: string): Promise<void>;
  /** Records an export in the server's audit log (issue 7); resending the same export id is harmless. */
  recordExport(token: string, record: ExportRecord): Promise<{ recorded: boolean }>;
  /** Administrators: the newest recorded exports (online only). */
  exportLog(token: string): Promise<ExportLogResponse>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Talks to the server over HTTP(S) under `baseUrl` (same origin by default). */
export class HttpTransport implements Transport {
  private readonly baseUrl: string;
  private readonly fetchFn: Fetch;

  constructor(baseUrl = '', fetchFn: Fetch = (input, init) => fetch(input, init)) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.fetchFn = fetchFn;
  }

  private async request<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = { [ProtocolHeader]: String(PROTOCOL_VERSION), accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}/api/v1${path}`, {
        method, headers, cache: 'no-store', credentials: 'omit',
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
    } catch {
      throw new TransportError('network', 0);
    }
    if (response.status === 204) return undefined as T;
    let text: string;
    try {
      text = await response.text();
    } catch {
      // The connection broke in the middle of the answer: a network fault, not the server's.
      throw new TransportError('network', 0);
    }
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    if (!response.ok) {
      const body = json as Partial<ApiError> | null;
      const code = typeof body?.error === 'string' ? body.error : response.status >= 500 ? 'server' : 'network';
      throw new TransportError(code as TransportError['code'], response.status, Array.isArray(body?.issues) ? body.issues : []);
    }
    if (json === null) throw new TransportError('server', response.status);
    return json as T;
  }

  setupStatus(): Promise<SetupStatus> {
    return this.request('GET', '/setup/status');
  }

  setup(request: SetupRequest): Promise<SessionInfo> {
    return this.request('POST', '/setup', { body: request });
  }

  loadDemo(deviceName: string): Promise<SessionInfo> {
    return this.request('POST', '/setup/demo', { body: { deviceName } });
  }

  login(request: LoginRequest): Promise<SessionInfo> {
    return this.request('POST', '/auth/login', { body: request });
  }

  logout(token: string): Promise<void> {
    return this.request('POST', '/auth/logout', { token });
  }

  push(token: string, request: PushRequest): Promise<PushResponse> {
    return this.request('POST', '/sync/push', { token, body: request });
  }

  pull(token: string, since: number, limit: number): Promise<PullResponse> {
    return this.request('GET', `/sync/pull?since=${since}&limit=${limit}&protocolVersion=${PROTOCOL_VERSION}`, { token });
  }

  accounts(token: string): Promise<AccountsResponse> {
    return this.request('GET', '/admin/accounts', { token });
  }

  createAccount(token: string, account: NewAccount): Promise<{ id: string }> {
    return this.request('POST', '/admin/accounts', { token, body: account });
  }

  updateAccount(token: string, id: string, patch: AccountPatch): Promise<void> {
    return this.request('PATCH', `/admin/accounts/${encodeURIComponent(id)}`, { token, body: patch });
  }

  revokeDevice(token: string, id: string): Promise<void> {
    return this.request('POST', `/admin/devices/${encodeURIComponent(id)}/revoke`, { token });
  }

  recordExport(token: string, record: ExportRecord): Promise<{ recorded: boolean }> {
    return this.request('POST', '/exports', { token, body: record });
  }

  exportLog(token: string): Promise<ExportLogResponse> {
    return this.request('GET', '/admin/exports', { token });
  }

  history(token: string, entity: string, recordId: string): Promise<HistoryResponse> {
    return this.request('GET', `/history?entity=${encodeURIComponent(entity)}&recordId=${encodeURIComponent(recordId)}`, { token });
  }
}
