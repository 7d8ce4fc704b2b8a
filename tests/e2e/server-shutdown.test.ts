/**
 * SHUTDOWN: a service manager stops the server (SIGTERM) while a tablet on a bad connection holds
 * a push open (headers sent, body stalled) and another connection sits idle. The server does not
 * wait for them for ever: it cuts them half-way through its grace, closes the database cleanly
 * (exit code 0, not the hard exit nor a SIGKILL) and starts again on the same data.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/protocol';
import { accessToken, startServer, loadDemoThroughApi, type RunningServer } from './harness';

const PASSWORD = 'obecni-demo-2026';
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
});

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port: Number(port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('SHUTDOWN: stopping the server with requests still open', () => {
  it('cuts a stalled push and an idle connection, closes the database cleanly, and starts again on its data', async () => {
    server = await startServer();
    const setup = await loadDemoThroughApi(server);
    expect(setup.status).toBe(200);

    const signIn = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'terapeuta', password: PASSWORD, deviceName: 'tablet na słabym łączu' }),
    });
    const token = await accessToken(server.url, ((await signIn.json()) as SessionInfo).deviceToken);

    const stalled = await openSocket(server.url);
    const answer: string[] = [];
    stalled.on('data', (d: Buffer) => answer.push(d.toString()));
    const stalledClosed = new Promise<void>((done) => stalled.once('close', () => done()));
    stalled.on('error', () => undefined);
    stalled.write(`POST /api/v1/sync/push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: 100000\r\n\r\n{"protocolVersion":`);
    const idle = await openSocket(server.url);
    idle.on('error', () => undefined);
    idle.write('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await new Promise<void>((done) => idle.once('data', () => done()));

    await new Promise((r) => setTimeout(r, 500));
    expect(answer.join('')).toBe(''); // the push is still open, waiting for its body
    const started = Date.now();
    await server.stop();
    const took = Date.now() - started;
    expect(server.lastExit()).toEqual({ code: 0, signal: null });
    // Cut at half the 10 s grace, well before the hard exit (the figure is printed, not asserted).
    console.info(`SHUTDOWN: stopped in ${took} ms with a stalled push open`);
    await stalledClosed;
    expect(answer.join('')).not.toMatch(/^HTTP\/1.1 2/); // cut, never acknowledged

    await server.start();
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: PASSWORD, deviceName: 'po restarcie' }),
    });
    expect(login.status).toBe(200);
    idle.destroy();
  });
});
