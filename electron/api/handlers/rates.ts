/** Handlers of the exchange-rate operations; requests arrive validated by dispatch. */
import type { ratesOps } from '../../../shared/api/rates';
import { requireLedger } from '../../app/context';
import { addRate, rateOnDate, ratesList } from '../../services/rates';
import type { Handler } from '../dispatch';

export const ratesHandlers: { [K in keyof typeof ratesOps]: Handler<K> } = {
  async 'rates-list'(ctx, req) {
    return ratesList(requireLedger(ctx).db, req.currency);
  },
  async 'rate-add'(ctx, req) {
    return addRate(requireLedger(ctx).db, req);
  },
  async 'rate-on'(ctx, req) {
    return rateOnDate(requireLedger(ctx).db, req.currency, req.date);
  },
};
