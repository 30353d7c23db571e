import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './20261124_0001_initial';

/** Every migration this build knows, bundled statically (no folder reads inside an asar). */
export const MIGRATIONS: Record<string, Migration> = {
  '20261124_0001_initial': m0001,
};

export const staticMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
