/** Handler of the Overview operation; the request arrives already validated by dispatch. */
import type { overviewOps } from '../../../shared/api/overview';
import { requireLedger } from '../../app/context';
import { overview } from '../../services/overview';
import type { Handler } from '../dispatch';

export const overviewHandlers: { [K in keyof typeof overviewOps]: Handler<K> } = {
  async 'overview-get'(ctx, req) {
    return overview(requireLedger(ctx).db, { asOf: req.asOf, months: req.months });
  },
};
