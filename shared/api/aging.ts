/** Aging workspace operations: the view, drill-down, trend, comparison, metrics, settings, class overrides. */
import { z } from 'zod';
import { CLASSES, type AgingSettings } from '../aging-workspace/settings';
import type { AgingCompare, AgingMetrics, AgingTrend, AgingView, ClassOverride, InvoiceDrill } from '../aging-workspace/types';
import { empty, id, isoDate, op, text } from './common';

const days = z.number().int().min(0).max(36_500);

export const agingSettingsSchema = z.object({
  bucketBounds: z.array(days).min(1).max(15),
  classBounds: z.tuple([days, days, days]),
  recoveryBp: z.array(z.number().int().min(0).max(10_000)).min(2).max(16),
});

const view = z.object({ asOf: isoDate, by: z.enum(['customer', 'invoice']).default('customer'), customerId: id.optional() });
const drill = z.object({ invoiceId: id, asOf: isoDate });
const trend = z.object({ asOf: isoDate });
const compare = z.object({ a: isoDate, b: isoDate });
const metrics = z.object({ from: isoDate, to: isoDate });
const override = z.object({
  invoiceId: id,
  cls: z.enum(CLASSES).nullable(),
  effectiveDate: isoDate,
  reason: text(2000).min(1, 'error.reasonRequired'),
});

export const agingOps = {
  'aging-view': op<typeof view, AgingView>(view),
  'aging-drill': op<typeof drill, InvoiceDrill>(drill),
  'aging-trend': op<typeof trend, AgingTrend>(trend),
  'aging-compare': op<typeof compare, AgingCompare>(compare),
  'aging-metrics': op<typeof metrics, AgingMetrics>(metrics),
  'aging-settings-get': op<typeof empty, AgingSettings>(empty),
  'aging-settings-set': op<typeof agingSettingsSchema, AgingSettings>(agingSettingsSchema),
  'invoice-class-override': op<typeof override, ClassOverride>(override),
};
