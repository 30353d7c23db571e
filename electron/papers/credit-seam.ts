/**
 * Where credit control hooks into the papers: issuing a price confirmation (goods promised on
 * credit). Deliveries go through postInvoice, which carries its own check. Until the credit
 * feature installs its policy here, every confirmation passes.
 *
 *   setPaperCreditGate(enforceCreditPolicy)   // electron/credit/check.ts
 */
import type { Db } from '../db/tx';

export interface PaperCreditRequest {
  customerId: number;
  amount: number;
  date: string;
  context: 'confirmation';
  reference: string;
  override?: { reason: string };
}

/** What a gate may hand back: something to record (an override) once the paper exists. */
export interface PaperCreditPass {
  record(documentId: number | null, actor: string): Promise<unknown>;
}

export type PaperCreditGate = (trx: Db, req: PaperCreditRequest) => Promise<PaperCreditPass | null>;

let gate: PaperCreditGate = async () => null;

export function setPaperCreditGate(g: PaperCreditGate): void {
  gate = g;
}

/** Runs inside the issuing transaction; throws (a LedgerError) to refuse. */
export function creditCheck(trx: Db, req: PaperCreditRequest): Promise<PaperCreditPass | null> {
  return gate(trx, req);
}
