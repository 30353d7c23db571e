/** Handlers of the aging workspace operations; requests arrive already validated by dispatch. */
import type { agingOps } from '../../../shared/api/aging';
import { requireLedger } from '../../app/context';
import { agingCompare } from '../../services/aging-compare';
import { invoiceDrill } from '../../services/aging-drill';
import { agingMetrics } from '../../services/aging-metrics';
import { recordOverride } from '../../services/aging-overrides';
import { getAgingSettings, setAgingSettings } from '../../services/aging-settings';
import { agingTrend } from '../../services/aging-trend';
import { agingView } from '../../services/aging-view';
import type { Handler } from '../dispatch';

export const agingHandlers: { [K in keyof typeof agingOps]: Handler<K> } = {
  async 'aging-view'(ctx, req) {
    return agingView(requireLedger(ctx).db, req.asOf, req.by, req.customerId);
  },
  async 'aging-drill'(ctx, req) {
    return invoiceDrill(requireLedger(ctx).db, req.invoiceId, req.asOf);
  },
  async 'aging-trend'(ctx, req) {
    return agingTrend(requireLedger(ctx).db, req.asOf);
  },
  async 'aging-compare'(ctx, req) {
    return agingCompare(requireLedger(ctx).db, req.a, req.b);
  },
  async 'aging-metrics'(ctx, req) {
    return agingMetrics(requireLedger(ctx).db, req.from, req.to);
  },
  async 'aging-settings-get'(ctx) {
    return getAgingSettings(requireLedger(ctx).db);
  },
  async 'aging-settings-set'(ctx, req) {
    return setAgingSettings(requireLedger(ctx).db, req);
  },
  async 'invoice-class-override'(ctx, req) {
    return recordOverride(requireLedger(ctx).db, req);
  },
};
