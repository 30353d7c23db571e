import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../electron/app/context';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { tempDir } from '../helpers';

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser mode server', () => {
  let server: WebServer;
  let host: string;
  beforeAll(async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>arw</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const ctx = await createContext({ mode: 'web', version: 't', dataDir: path.join(dir, 'data') });
    server = await startWebServer(ctx, { rendererDir });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  const api = (op: string, headers: Record<string, string>, body = '{}') =>
    request(server.port, { method: 'POST', path: `/api/${op}`, headers: { 'content-type': 'application/json', host, ...headers }, body });

  it('listens on loopback only and serves the app with a CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
    const r = await request(server.port, { path: '/', headers: { host } });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('requires the per-run token on every API call', async () => {
    expect((await api('app-info', {})).status).toBe(401);
    expect((await api('app-info', { 'x-arw-token': 'wrong' })).status).toBe(401);
    const ok = await api('app-info', { 'x-arw-token': server.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { mode: 'web', ledgerOpen: false } });
  });

  it('refuses foreign Host (DNS rebinding) and cross-site Origin', async () => {
    expect((await request(server.port, { path: '/', headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await api('app-info', { 'x-arw-token': server.token, host: `attacker.test:${server.port}` })).status).toBe(421);
    expect((await api('app-info', { 'x-arw-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app-info', { 'x-arw-token': server.token, origin: `http://${host}` })).status).toBe(200);
  });

  it('validates payloads and never serves files outside the renderer folder', async () => {
    const bad = await api('customer-create', { 'x-arw-token': server.token }, '{not json');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { key: 'error.badJson' } });
    expect((await request(server.port, { method: 'GET', path: '/api/app-info', headers: { host } })).status).toBe(405);
    const traversal = await request(server.port, { path: '/..%2fsecret.txt', headers: { host } });
    expect(traversal.body).not.toContain('secret');
    const traversal2 = await request(server.port, { path: '/../secret.txt', headers: { host } });
    expect(traversal2.body).not.toContain('secret');
  });
});
