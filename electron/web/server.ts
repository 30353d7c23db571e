import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../api/dispatch';
import type { AppContext } from '../app/context';

/** frame-src blob: only for the hidden frame that prints a PDF in browser mode (renderer/src/lib/print.ts). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 8 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode: the same dispatch behind a loopback HTTP server. 127.0.0.1 only; every API call
 * needs the per-run token; Host and Origin are checked against our own origin (no DNS rebinding,
 * no cross-site requests).
 */
export async function startWebServer(
  ctx: AppContext,
  opts: { rendererDir: string; port?: number; token?: string },
): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    };
    if (!req.headers.host || !allowedHosts.includes(req.headers.host)) return send(421, 'bad host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return send(403, 'bad origin');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(405, 'POST only');
      const given = req.headers['x-arw-token'];
      if (typeof given !== 'string' || !safeEqual(given, token)) return send(401, 'token required');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(415, 'json only');
      const op = decodeURIComponent(url.pathname.slice('/api/'.length));
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          send(413, 'too large');
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (res.writableEnded) return;
        let payload: unknown;
        try {
          payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return send(200, JSON.stringify({ ok: false, error: { key: 'error.badJson', params: {} } }), MIME['.json']);
        }
        dispatch(ctx, op, payload).then(
          (result) => send(200, JSON.stringify(result), MIME['.json']),
          () => send(500, JSON.stringify({ ok: false, error: { key: 'error.internal', params: {} } }), MIME['.json']),
        );
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep)) return send(404, 'not found');
    fs.readFile(file, (err, data) => {
      if (err) {
        // Client-side routes fall back to the app shell.
        return fs.readFile(path.join(rendererDir, 'index.html'), (e2, html) =>
          e2 ? send(404, 'renderer not built: run npm run build:renderer') : send(200, html, MIME['.html']),
        );
      }
      send(200, data, MIME[path.extname(file)] ?? 'application/octet-stream');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
