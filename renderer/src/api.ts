/**
 * The renderer's one way to talk to main: `call(op, request)`. In Electron the preload exposes
 * `window.arw`; in browser mode the same contract goes over loopback HTTP with the per-run token.
 */
import type { ArwBridge, OpName, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiErrorBody, ApiResult } from '../../shared/errors';

declare global {
  interface Window {
    arw?: ArwBridge;
  }
}

const TOKEN_KEY = 'arw.token';

/** Take the token out of `#token=…` once, keep it for this tab only, and clear it from the URL bar. */
function captureToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = window.arw ? null : captureToken();

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.key);
    this.name = 'ApiError';
  }
}

async function overHttp<K extends OpName>(op: K, request: RequestOf<K>): Promise<ApiResult<ResponseOf<K>>> {
  if (!token) return { ok: false, error: { key: 'error.unauthorized', params: {} } };
  let res: Response;
  try {
    res = await fetch(`./api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-ARW-Token': token },
      body: JSON.stringify(request),
    });
  } catch {
    return { ok: false, error: { key: 'error.offline', params: {} } };
  }
  if (res.status === 401) return { ok: false, error: { key: 'error.unauthorized', params: {} } };
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) return { ok: false, error: { key: 'error.transport', params: { status: res.status } } };
  try {
    return (await res.json()) as ApiResult<ResponseOf<K>>;
  } catch {
    return { ok: false, error: { key: 'error.transport', params: { status: res.status } } };
  }
}

/** The raw result, for callers that handle errors as values (forms). */
export function invoke<K extends OpName>(op: K, request: RequestOf<K>): Promise<ApiResult<ResponseOf<K>>> {
  return window.arw ? window.arw.invoke(op, request) : overHttp(op, request);
}

/** The value, or an ApiError carrying the typed error body. */
export async function call<K extends OpName>(op: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await invoke(op, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function errorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return e.body;
  return { key: 'error.internal', params: {} };
}
