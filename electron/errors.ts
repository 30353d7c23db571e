import type { ApiErrorBody } from '../shared/errors';

/** A failure the user should read: a message key (translated on display), params, and the field at fault. */
export class LedgerError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'LedgerError';
  }

  toBody(): ApiErrorBody {
    return { key: this.key, params: this.params, field: this.field };
  }
}
