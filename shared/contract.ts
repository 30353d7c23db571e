/**
 * The one API between renderer and main: 'noun-verb' operations, each with a zod schema for its
 * request (validated in main before anything runs) and the type of its response. Each domain
 * declares its operations in shared/api/<domain>.ts; they are merged here into one map.
 */
import type { z } from 'zod';
import type { ApiResult } from './errors';
import { coreOps } from './api/core';
import { integrityOps } from './api/integrity';
import { agingOps } from './api/aging';
import { papersOps } from './api/papers';
import { importOps } from './api/imports';
import { searchOps } from './api/search';
import { collectionsOps } from './api/collections';
import { creditOps } from './api/credit';
import { ratesOps } from './api/rates';
import { overviewOps } from './api/overview';
import { settingsOps } from './api/settings';

export const contract = {
  ...coreOps,
  ...integrityOps,
  ...agingOps,
  ...papersOps,
  ...importOps,
  ...searchOps,
  ...collectionsOps,
  ...creditOps,
  ...ratesOps,
  ...overviewOps,
  ...settingsOps,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type RequestOf<K extends OpName> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends OpName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends OpName> = Contract[K]['response'];

export const OP_NAMES = Object.keys(contract) as OpName[];

/** What the preload exposes (and the browser-mode client mimics): one typed invoke. */
export interface ArwBridge {
  invoke<K extends OpName>(op: K, request: RequestOf<K>): Promise<ApiResult<ResponseOf<K>>>;
}
