import type { Db } from '../db/tx';
import { currentActor, nowStamp } from '../db/tx';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export async function audit(trx: Db, entry: AuditEntry, actor = currentActor()): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowStamp(),
      actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function listAudit(db: Db, entity: string, entityId: string | number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}
