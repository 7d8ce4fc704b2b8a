/**
 * How the device talks to the server. The sync engine and the session actions depend on the
 * {@link Transport} interface only; the HTTP implementation is below, and tests inject one that
 * calls the server app in-process or fails on purpose. Every failure becomes a TransportError
 * with a reason code; response bodies and URLs with personal data are never kept in it.
 */
import {
  PROTOCOL_VERSION, ProtocolHeader,
  type AccessExport, type AccessFormat, type AccessTokenResponse, type AccountPatch, type AccountsResponse, type ApiError, type ExportLogResponse, type ExportRecord, type HistoryResponse, type LoginRequest, type NewAccount, type PullResponse, type PushRequest, type PushResponse, type ReasonCode,
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

/**
 * The server's API as the client uses it. `token` is always the device token: an implementation
 * talking to a real server exchanges it for short-lived access tokens where the server asks for
 * them (HttpTransport below), so callers never hold an access token.
 */
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
  /** Administrators: everything held about one person (GDPR art. 15; online only), recorded as an export. */
  accessExport(token: string, participantId: string, format: AccessFormat): Promise<AccessExport>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Push bodies from this size on go gzip-compressed (smaller ones would not get smaller). */
export const GZIP_MIN_BYTES = 1024;

/** `text` gzip-compressed with the platform's CompressionStream. */
async function gzipped(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** An access token is renewed this long before the server would call it expired. */
export const ACCESS_TOKEN_MARGIN_MS = 30_000;

/**
 * Talks to the server over HTTP(S) under `baseUrl` (same origin by default). Sync, history and
 * admin calls carry a short-lived access token: the transport gets one with the device token
 * (POST /auth/token), keeps it in memory only, renews it shortly before it runs out, and when the
 * server still answers 401 (expired, or the server restarted with a new key) gets a new one and
 * repeats the call once. If the device token itself is refused (revoked, account disabled) the
 * call fails with `unauthorized`; without a network it fails with `network` and nothing changes.
 */
export class HttpTransport implements Transport {
  private readonly baseUrl: string;
  private readonly fetchFn: Fetch;
  private readonly nowMs: () => number;
  /** Per device token: the access token and when this device considers it used up. */
  private readonly access = new Map<string, { token: string; renewAtMs: number }>();
  private readonly exchanging = new Map<string, Promise<string>>();

  constructor(baseUrl = '', fetchFn: Fetch = (input, init) => fetch(input, init), nowMs: () => number = () => Date.now()) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.fetchFn = fetchFn;
    this.nowMs = nowMs;
  }

  /** A current access token for `deviceToken`: the kept one, or a new one from the server. */
  private accessToken(deviceToken: string, renew: boolean): Promise<string> {
    const kept = this.access.get(deviceToken);
    if (!renew && kept && kept.renewAtMs > this.nowMs()) return Promise.resolve(kept.token);
    let pending = this.exchanging.get(deviceToken);
    if (!pending) {
      const asked = this.nowMs();
      pending = this.request<AccessTokenResponse>('POST', '/auth/token', { token: deviceToken }).then((answer) => {
        this.access.set(deviceToken, { token: answer.accessToken, renewAtMs: asked + answer.expiresInSeconds * 1000 - ACCESS_TOKEN_MARGIN_MS });
        return answer.accessToken;
      }).finally(() => this.exchanging.delete(deviceToken));
      this.exchanging.set(deviceToken, pending);
    }
    return pending;
  }

  /** A call with an access token; a 401 answer gets a new token and one more try. */
  private async authorized<T>(method: string, path: string, deviceToken: string, body?: unknown, gzip = false): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken(deviceToken, attempt > 0);
      try {
        return await this.request<T>(method, path, { token, gzip, ...(body !== undefined ? { body } : {}) });
      } catch (error) {
        if (attempt > 0 || !(error instanceof TransportError) || error.status !== 401) throw error;
        this.access.delete(deviceToken);
      }
    }
  }

  private async request<T>(method: string, path: string, options: { token?: string; body?: unknown; gzip?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { [ProtocolHeader]: String(PROTOCOL_VERSION), accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
      if (options.gzip && body.length >= GZIP_MIN_BYTES && typeof CompressionStream !== 'undefined') {
        body = await gzipped(body);
        headers['content-encoding'] = 'gzip';
      }
    }
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}/api/v1${path}`, {
        method, headers, cache: 'no-store', credentials: 'omit', ...(body !== undefined ? { body } : {}),
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
      // A proxy in front of the server (nginx: client_max_body_size) answers 413 in HTML: still too large.
      const code = typeof body?.error === 'string' ? body.error : response.status === 413 ? 'payloadTooLarge' : response.status >= 500 ? 'server' : 'network';
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
    this.access.delete(token);
    return this.request('POST', '/auth/logout', { token });
  }

  push(token: string, request: PushRequest): Promise<PushResponse> {
    // Push bodies (up to 500 mutations) go gzip-compressed where the browser can compress.
    return this.authorized('POST', '/sync/push', token, request, true);
  }

  pull(token: string, since: number, limit: number): Promise<PullResponse> {
    return this.authorized('GET', `/sync/pull?since=${since}&limit=${limit}&protocolVersion=${PROTOCOL_VERSION}`, token);
  }

  accounts(token: string): Promise<AccountsResponse> {
    return this.authorized('GET', '/admin/accounts', token);
  }

  createAccount(token: string, account: NewAccount): Promise<{ id: string }> {
    return this.authorized('POST', '/admin/accounts', token, account);
  }

  updateAccount(token: string, id: string, patch: AccountPatch): Promise<void> {
    return this.authorized('PATCH', `/admin/accounts/${encodeURIComponent(id)}`, token, patch);
  }

  revokeDevice(token: string, id: string): Promise<void> {
    return this.authorized('POST', `/admin/devices/${encodeURIComponent(id)}/revoke`, token);
  }

  recordExport(token: string, record: ExportRecord): Promise<{ recorded: boolean }> {
    return this.authorized('POST', '/exports', token, record);
  }

  exportLog(token: string): Promise<ExportLogResponse> {
    return this.authorized('GET', '/admin/exports', token);
  }

  accessExport(token: string, participantId: string, format: AccessFormat): Promise<AccessExport> {
    return this.authorized('GET', `/admin/participants/${encodeURIComponent(participantId)}/access?format=${format}`, token);
  }

  history(token: string, entity: string, recordId: string): Promise<HistoryResponse> {
    return this.authorized('GET', `/history?entity=${encodeURIComponent(entity)}&recordId=${encodeURIComponent(recordId)}`, token);
  }
}
