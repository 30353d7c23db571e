import type { Company } from '../../shared/domain';
import type { Db } from '../db/tx';
import { nowStamp } from '../db/tx';
import { LedgerError } from '../errors';

export async function getCompany(db: Db): Promise<Company> {
  const row = await db.selectFrom('company').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) throw new LedgerError('error.noCompany');
  return {
    name: row.name,
    address: row.address,
    taxId: row.tax_id,
    baseCurrency: row.base_currency,
    defaultTermsDays: row.default_terms_days,
    hasLogo: row.logo_png !== null,
    hasSeal: row.seal_png !== null,
  };
}

export async function insertCompany(db: Db, name: string, currency: string): Promise<void> {
  await db
    .insertInto('company')
    .values({ id: 1, name, address: '', tax_id: '', base_currency: currency, default_terms_days: 30, logo_png: null, seal_png: null, updated_at: nowStamp() })
    .execute();
}

export async function updateCompany(db: Db, fields: { name: string; address: string; taxId: string; defaultTermsDays: number }): Promise<void> {
  await db
    .updateTable('company')
    .set({ name: fields.name, address: fields.address, tax_id: fields.taxId, default_terms_days: fields.defaultTermsDays, updated_at: nowStamp() })
    .where('id', '=', 1)
    .execute();
}

export async function setCompanyImage(db: Db, kind: 'logo' | 'seal', bytes: Uint8Array | null): Promise<void> {
  const column = kind === 'logo' ? 'logo_png' : 'seal_png';
  await db.updateTable('company').set({ [column]: bytes, updated_at: nowStamp() }).where('id', '=', 1).execute();
}

export async function getCompanyImage(db: Db, kind: 'logo' | 'seal'): Promise<Uint8Array | null> {
  const row = await db.selectFrom('company').select(['logo_png', 'seal_png']).where('id', '=', 1).executeTakeFirst();
  return (kind === 'logo' ? row?.logo_png : row?.seal_png) ?? null;
}
