/** The company and customer as printed on a paper, snapshotted at issue (logo and seal stored by hash). */
import type { PaperBase, PaperImages } from '../pdf/types';
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { findCustomerById, toCustomer } from '../repos/customers';
import { getFile, putFile } from './files';

export type Customer = ReturnType<typeof toCustomer>;

export async function requireCustomer(db: Db, id: number): Promise<Customer> {
  const row = await findCustomerById(db, id);
  if (!row) throw new LedgerError('error.customerNotFound', { id }, 'customerId');
  return toCustomer(row);
}

/** The customer block: the finance contact first (they sign statements), else the original contact. */
export function customerParty(c: Customer): PaperBase['customer'] {
  const f = c.contacts.finance;
  const o = c.contacts.original;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    address: f.address || o.address,
    taxId: '',
    phone: f.phone || o.phone,
    contact: f.name || o.name,
  };
}

/** Company details; the logo and seal go into the document store so the paper names them by hash. */
export async function companyParty(trx: Db): Promise<PaperBase['company']> {
  const row = await trx.selectFrom('company').select(['name', 'address', 'tax_id', 'logo_png', 'seal_png']).where('id', '=', 1).executeTakeFirst();
  if (!row) throw new LedgerError('error.noCompany');
  const store = async (png: Uint8Array | null) => (png && png.length ? putFile(trx, png, png[0] === 0xff ? 'image/jpeg' : 'image/png') : null);
  return { name: row.name, address: row.address, taxId: row.tax_id, phone: '', contact: '', logoSha256: await store(row.logo_png), sealSha256: await store(row.seal_png) };
}

/** Image bytes a paper refers to, from the document store. */
export async function paperImages(db: Db, company: PaperBase['company']): Promise<PaperImages> {
  const images: PaperImages = {};
  for (const hash of [company.logoSha256, company.sealSha256]) if (hash) images[hash] = (await getFile(db, hash)).bytes;
  return images;
}
