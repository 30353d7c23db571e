import { contract, type OpName, type ParsedRequestOf, type ResponseOf } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import type { AppContext } from '../app/context';
import { LedgerError } from '../errors';
import { handlers } from './handlers';

export type Handler<K extends OpName> = (ctx: AppContext, req: ParsedRequestOf<K>) => Promise<ResponseOf<K>>;
export type Handlers = { [K in OpName]: Handler<K> };

export function isOpName(op: unknown): op is OpName {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(contract, op);
}

/**
 * The single entry point for every request from a renderer (IPC or browser mode): the operation
 * is checked, the payload validated against its schema, and every failure returned as a typed
 * value with a message key and the field at fault. Never a stack trace.
 */
export async function dispatch(ctx: AppContext, op: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isOpName(op)) return { ok: false, error: { key: 'error.unknownOperation', params: { op: String(op).slice(0, 60) } } };
  let parsed: ReturnType<(typeof contract)[typeof op]['request']['safeParse']>;
  try {
    parsed = contract[op].request.safeParse(payload ?? {});
  } catch {
    // A hostile payload can make the validator itself throw (zod's length checks coerce a
    // non-array `length` such as [{__proto__: null}] to a number). It is still just invalid input.
    return { ok: false, error: { key: 'error.invalidField', params: { field: '' }, field: '' } };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    const key = issue.message.startsWith('error.') ? issue.message : 'error.invalidField';
    return { ok: false, error: { key, params: { field }, field } };
  }
  try {
    const handler = handlers[op] as Handler<typeof op>;
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof LedgerError) return { ok: false, error: e.toBody() };
    ctx.log('error', `operation ${op} failed`, e);
    return { ok: false, error: { key: 'error.internal', params: {} } };
  }
}
