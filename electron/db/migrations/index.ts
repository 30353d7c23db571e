import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './20261124_0001_initial';
import * as m0002 from './20261124_0002_papers';
import * as m0003 from './20261124_0003_aging';
import * as m0004 from './20261124_0004_credit';
import * as m0005 from './20261124_0005_collections';
import * as m0006 from './20261124_0006_integrity';
import * as m0007 from './20261124_0007_currency';

/** Every migration this build knows, bundled statically (no folder reads inside an asar). */
export const MIGRATIONS: Record<string, Migration> = {
  '20261124_0001_initial': m0001,
  '20261124_0002_papers': m0002,
  '20261124_0003_aging': m0003,
  '20261124_0004_credit': m0004,
  '20261124_0005_collections': m0005,
  '20261124_0006_integrity': m0006,
  '20261124_0007_currency': m0007,
};

export const staticMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
