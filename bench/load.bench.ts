/**
 * Issue 8's load run, against one server in its own process on PGlite and then on PostgreSQL:
 * 200 simulated devices (real HTTP on loopback, each with its own device token, spread over the
 * demo centre's accounts and roles) sync every 30 s for 5 minutes: a first full pull, then each
 * round a push of a few day marks (writers) and a pull from the cursor. Reported: errors, requests,
 * p50/p99 latency, and the server's RSS and heap at start, middle and end. Then throughput with
 * autocannon: a pull with nothing new, a push of 20 new mutations, and a bare Hono route (the
 * ceiling of this machine and HTTP stack). `--quick`: 1 minute, 5 s per autocannon run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { uuidv7 } from 'uuidv7';
import { dayMarkId, formatHlc } from '../src/domain';
import { PROTOCOL_VERSION, ProtocolHeader, type Mutation, type PullResponse, type PushResponse } from '../src/protocol';
import type { MemoryMessage, ReadyMessage } from './load-server';
import { line, ms, percentile } from './stats';

const QUICK = process.argv.includes('--quick');
const DEVICES = 200;
const INTERVAL_MS = 30_000;
const DURATION_MS = QUICK ? 60_000 : 5 * 60_000;
const CANNON_SECONDS = QUICK ? 5 : 10;
const CANNON_CONNECTIONS = 10;
const WRITERS = ['administrator', 'coordinator', 'therapist'];

interface Server { child: ChildProcess; ready: ReadyMessage; memory(): Promise<MemoryMessage>; stop(): Promise<void> }

async function startServer(db: 'pglite' | 'postgres'): Promise<Server> {
  const child = fork(resolve(import.meta.dirname, 'load-server.ts'), [], {
    execArgv: ['--import', 'tsx'], env: { ...process.env, LOAD_DB: db, LOAD_DEVICES: String(DEVICES) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<ReadyMessage>((done, fail) => {
    child.once('message', (m) => done(m as ReadyMessage));
    child.once('exit', (code) => fail(new Error(`the ${db} load server exited with ${code}`)));
  });
  const memory = () => new Promise<MemoryMessage>((done) => {
    child.once('message', (m) => done(m as MemoryMessage));
    child.send({ type: 'memory' });
  });
  const stop = () => new Promise<void>((done) => {
    child.once('exit', () => done());
    child.send({ type: 'stop' });
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
  });
  return { child, ready, memory, stop };
}

type Kind = 'first pull' | 'pull' | 'push';

/** Requests, errors and latencies of the load run, by kind. */
class Recorder {
  readonly samples: Record<Kind, number[]> = { 'first pull': [], pull: [], push: [] };
  /** Latencies of requests started in the second half of the run, when the first full pulls are long over. */
  readonly late: Record<Kind, number[]> = { 'first pull': [], pull: [], push: [] };
  readonly errors: string[] = [];
  lateFrom = Infinity;
  async time<T>(kind: Kind, run: () => Promise<Response>): Promise<T | null> {
    const start = performance.now();
    const startedAt = Date.now();
    try {
      const res = await run();
      const body = await res.text();
      this.samples[kind].push(performance.now() - start);
      if (startedAt >= this.lateFrom) this.late[kind].push(performance.now() - start);
      if (!res.ok) {
        this.errors.push(`${kind} ${res.status} ${body.slice(0, 80)}`);
        return null;
      }
      return JSON.parse(body) as T;
    } catch (error) {
      this.errors.push(`${kind} ${(error as Error).message}`);
      return null;
    }
  }
}

/** One simulated tablet: its cursor, the participants it may mark, and its own clock. */
class Device {
  cursor = 0;
  participants: { id: string; unitId: string }[] = [];
  counter = 0;
  constructor(readonly index: number, readonly base: string, readonly info: ReadyMessage['devices'][number], readonly rec: Recorder) {}

  private headers(json = false): Record<string, string> {
    return { authorization: `Bearer ${this.info.token}`, [ProtocolHeader]: String(PROTOCOL_VERSION), 'accept-encoding': 'gzip', ...(json ? { 'content-type': 'application/json' } : {}) };
  }

  async pullAll(kind: Kind): Promise<void> {
    for (;;) {
      const page = await this.rec.time<PullResponse>(kind, () => fetch(`${this.base}/api/v1/sync/pull?since=${this.cursor}&limit=1000&protocolVersion=${PROTOCOL_VERSION}`, { headers: this.headers() }));
      if (!page) return;
      for (const c of page.changes) {
        if (c.entity === 'participants' && !c.deleted && c.data.status === 'active' && typeof c.data.unitId === 'string') this.participants.push({ id: c.recordId, unitId: c.data.unitId });
      }
      this.cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }

  async round(first: boolean): Promise<void> {
    if (first) {
      await this.pullAll('first pull');
      return;
    }
    if (this.info.roles.some((r) => WRITERS.includes(r)) && this.participants.length > 0) {
      const day = new Date().toISOString().slice(0, 10);
      const marks: Mutation[] = Array.from({ length: 1 + (this.index % 5) }, () => {
        const p = this.participants[Math.floor(Math.random() * this.participants.length)]!;
        this.counter += 1;
        return {
          mutationId: uuidv7(), entity: 'dayMarks', recordId: dayMarkId(p.id, day), deleted: false,
          hlc: formatHlc({ wall: Date.now(), counter: this.counter % 1000, device: `load-${this.index}` }),
          patch: { participantId: p.id, unitId: p.unitId, day, status: 'present', absenceReason: null, arrivalTime: '08:00', leaveTime: null, note: '' },
        };
      });
      const answer = await this.rec.time<PushResponse>('push', () => fetch(`${this.base}/api/v1/sync/push`, {
        method: 'POST', headers: this.headers(true), body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: `load-${this.index}`, mutations: marks }),
      }));
      if (answer && answer.rejected.length > 0) this.rec.errors.push(`push rejected ${answer.rejected.map((r) => r.reason).join(',')}`);
    }
    await this.pullAll('pull');
  }
}

const mb = (m: MemoryMessage) => `RSS ${m.rssMb} MB, heap ${m.heapUsedMb}/${m.heapTotalMb} MB`;
const sleep = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));

async function loadRun(server: Server, out: string[]): Promise<void> {
  const base = `http://127.0.0.1:${server.ready.apiPort}`;
  const rec = new Recorder();
  const devices = server.ready.devices.map((info, i) => new Device(i, base, info, rec));
  const memory: [string, MemoryMessage][] = [['start', await server.memory()]];
  const started = Date.now();
  const end = started + DURATION_MS;
  rec.lateFrom = started + DURATION_MS / 2;
  let middle: Promise<void> | null = null;
  // Device i first syncs at i/200 of the interval, then every interval until the end.
  await Promise.all(devices.map(async (d, i) => {
    let next = started + (i * INTERVAL_MS) / devices.length;
    let first = true;
    while (next < end) {
      await sleep(Math.max(0, next - Date.now()));
      await d.round(first);
      first = false;
      next += INTERVAL_MS;
      if (i === 0 && middle === null && Date.now() >= started + DURATION_MS / 2) middle = server.memory().then((m) => { memory.push(['middle', m]); });
    }
  }));
  await middle;
  if (!memory.some(([w]) => w === 'middle')) memory.push(['middle', await server.memory()]);
  memory.push(['end', await server.memory()]);
  const total = Object.values(rec.samples).reduce((n, s) => n + s.length, 0);
  out.push(line(`${DEVICES} devices every ${INTERVAL_MS / 1000} s for ${DURATION_MS / 60_000} min`, `${total} requests, ${rec.errors.length} errors`, { ok: rec.errors.length === 0, text: 'no errors' }));
  for (const [kind, s] of Object.entries(rec.samples)) {
    if (s.length > 0) out.push(line(`  ${kind}`, `${s.length} req, p50 ${ms(percentile(s, 50))}, p99 ${ms(percentile(s, 99))}, max ${ms(Math.max(...s))}`));
  }
  for (const [kind, s] of Object.entries(rec.late)) {
    if (s.length > 0) out.push(line(`  ${kind}, second half only`, `${s.length} req, p50 ${ms(percentile(s, 50))}, p99 ${ms(percentile(s, 99))}`));
  }
  for (const e of [...new Set(rec.errors)].slice(0, 5)) out.push(`    error: ${e}`);
  for (const [when, m] of memory) out.push(line(`  server memory at ${when}`, mb(m)));
}

async function cannon(name: string, opts: autocannon.Options, out: string[]): Promise<void> {
  const r = await autocannon({ connections: CANNON_CONNECTIONS, duration: CANNON_SECONDS, ...opts });
  const failed = r.errors + r.non2xx;
  out.push(line(name, `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.requests.total} requests, ${failed} failed`));
}

async function throughput(server: Server, out: string[]): Promise<void> {
  const base = `http://127.0.0.1:${server.ready.apiPort}`;
  const admin = server.ready.devices.find((d) => d.roles.includes('administrator'))!;
  const probe = new Device(0, base, admin, new Recorder());
  await probe.pullAll('pull');
  const headers = { authorization: `Bearer ${admin.token}`, [ProtocolHeader]: String(PROTOCOL_VERSION), 'content-type': 'application/json' };
  out.push(`  autocannon, ${CANNON_CONNECTIONS} connections, ${CANNON_SECONDS} s each:`);
  await cannon('  bare Hono route (ceiling)', { url: `http://127.0.0.1:${server.ready.barePort}/bare` }, out);
  await cannon('  pull, nothing new', { url: `${base}/api/v1/sync/pull?since=${probe.cursor}&protocolVersion=${PROTOCOL_VERSION}`, headers }, out);
  let counter = 0;
  const day = new Date().toISOString().slice(0, 10);
  const pushBody = () => JSON.stringify({
    protocolVersion: PROTOCOL_VERSION, deviceId: 'cannon',
    mutations: Array.from({ length: 20 }, (_, i) => {
      const p = probe.participants[(counter * 20 + i) % probe.participants.length]!;
      counter += 1;
      return {
        mutationId: uuidv7(), entity: 'dayMarks', recordId: dayMarkId(p.id, day), deleted: false, hlc: formatHlc({ wall: Date.now(), counter: counter % 1_000_000, device: 'cannon' }),
        patch: { participantId: p.id, unitId: p.unitId, day, status: counter % 2 ? 'present' : 'absent', absenceReason: counter % 2 ? null : 'illness', arrivalTime: null, leaveTime: null, note: '' },
      };
    }),
  });
  const push: autocannon.Options = { url: base, headers, requests: [{ method: 'POST', path: '/api/v1/sync/push', setupRequest: (req) => ({ ...req, body: pushBody() }) }] };
  await cannon('  push of 20 mutations (all applied)', push, out);
  // One connection: the cost of one push, without queueing behind the organization's write lock.
  await cannon('  push of 20 mutations, 1 connection', { ...push, connections: 1 }, out);
}

export async function loadBench(): Promise<string[]> {
  const out: string[] = [`load (issue 8)${QUICK ? ' --quick' : ''}: one server process, demo centre; real HTTP on loopback`];
  for (const db of ['pglite', 'postgres'] as const) {
    let server: Server;
    try {
      server = await startServer(db);
    } catch (error) {
      out.push(`${db}: not run (${(error as Error).message})`);
      continue;
    }
    out.push(`${db}: ${server.ready.records} records in the demo centre, ${server.ready.devices.length} device tokens`);
    try {
      await loadRun(server, out);
      await throughput(server, out);
    } finally {
      await server.stop();
    }
    for (const l of out.splice(0)) console.log(l);
  }
  return out;
}
