/** One handler per operation of the contract, merged from each domain's file. */
import type { Handlers } from './dispatch';
import { coreHandlers } from './handlers/core';
import { integrityHandlers } from './handlers/integrity';
import { agingHandlers } from './handlers/aging';
import { papersHandlers } from './handlers/papers';
import { importHandlers } from './handlers/imports';
import { searchHandlers } from './handlers/search';
import { collectionsHandlers } from './handlers/collections';
import { creditHandlers } from './handlers/credit';
import { ratesHandlers } from './handlers/rates';
import { settingsHandlers } from './handlers/settings';
import { overviewHandlers } from './handlers/overview';

export const handlers: Handlers = {
  ...coreHandlers,
  ...integrityHandlers,
  ...agingHandlers,
  ...papersHandlers,
  ...importHandlers,
  ...searchHandlers,
  ...collectionsHandlers,
  ...creditHandlers,
  ...ratesHandlers,
  ...settingsHandlers,
  ...overviewHandlers,
};
