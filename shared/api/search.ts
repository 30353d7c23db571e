/** Global search (the header's search box, Ctrl+K): customers by code, name or salesperson; documents by number or amount. */
import { z } from 'zod';
import { op } from './common';

const searchGlobal = z.object({ q: z.string().trim().min(1, 'error.required').max(100) });

export interface SearchHit {
  customers: { id: number; code: string; name: string; salesperson: string; status: string }[];
  documents: {
    id: number;
    customerId: number;
    customerCode: string;
    customerName: string;
    kind: string;
    number: string;
    date: string;
    amount: number;
    open: number;
    currency: string;
    digits: number;
    /** Found by its amount (the query read as money), not its number. */
    byAmount: boolean;
  }[];
}

export const searchOps = {
  'search-global': op<typeof searchGlobal, SearchHit>(searchGlobal),
};
