/**
 * The one IPC channel. The preload forwards `invoke(op, request)` here; we check who is asking
 * and hand the rest to dispatch, which validates the payload and returns a typed result.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../shared/errors';
import { dispatch } from '../api/dispatch';
import type { AppContext } from '../app/context';
import { isAppUrl, type AppLocation } from './window';

/** Must equal the channel in electron/preload/index.ts (the shell tests check they agree). */
export const INVOKE_CHANNEL = 'arw:invoke';

const forbidden: ApiResult<never> = { ok: false, error: { key: 'error.forbidden', params: {} } };

/** Only the app's own page, in a window's top frame, may call the API. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, location: AppLocation): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, location);
}

export function registerIpc(ipcMain: IpcMain, ctx: AppContext, location: AppLocation): void {
  ipcMain.removeHandler(INVOKE_CHANNEL);
  ipcMain.handle(INVOKE_CHANNEL, async (event, op: unknown, payload: unknown): Promise<ApiResult<unknown>> => {
    let trusted = false;
    try {
      trusted = isTrustedSender(event, location);
    } catch {
      // a frame that is gone or being torn down is no one we trust
    }
    if (!trusted) {
      ctx.log('error', 'IPC call refused from an untrusted frame', { op: String(op).slice(0, 60) });
      return forbidden;
    }
    try {
      return await dispatch(ctx, op, payload);
    } catch (e) {
      ctx.log('error', 'IPC dispatch failed', e);
      return { ok: false, error: { key: 'error.internal', params: {} } };
    }
  });
}
