/** The part every paper shares: who, when, which language and paper size, and what the QR code says. */
import { todayIso } from '../../shared/dates';
import type { Language } from '../../shared/domain';
import { currencyDigits } from '../../shared/money';
import type { PaperBase, PaperKind, PaperSize } from '../pdf/types';
import { customerParty, type Customer } from './parties';

export interface IssueOptions {
  paperSize?: PaperSize;
  language?: Language;
}

/** The calendar day of an issue timestamp where the user is (not UTC): what the paper prints. */
export function localDay(iso: string): string {
  return todayIso(new Date(iso));
}

export function paperBase(kind: PaperKind, number: string, customer: Customer, company: PaperBase['company'], issuedAt: string, opts: IssueOptions): PaperBase {
  return {
    kind,
    number,
    language: opts.language ?? customer.language,
    paperSize: opts.paperSize ?? 'A4',
    issuedOn: localDay(issuedAt),
    issuedAt,
    currency: customer.currency,
    digits: currencyDigits(customer.currency),
    company,
    customer: customerParty(customer),
    qr: `arw://paper/${number}`,
  };
}
