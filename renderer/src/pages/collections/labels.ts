/** Message keys for the collections enums (typed, so a missing translation fails the build). */
import type { MessageKey } from '../../i18n';
import type { Channel, CloseReason, DebtorType, EvidenceKind, LetterStep, PromiseHow, PromiseStatus, Stage, Temperament, WorklistKind } from '../../../../shared/api/collections-types';

export const stageKey = (s: Stage) => `coll.stage.${s}` as MessageKey;
export const closeKey = (s: CloseReason) => `coll.close.${s}` as MessageKey;
export const debtorKey = (s: DebtorType) => `coll.debtor.${s}` as MessageKey;
export const temperKey = (s: Temperament) => `coll.temper.${s}` as MessageKey;
export const channelKey = (s: Channel) => `coll.channel.${s}` as MessageKey;
export const howKey = (s: PromiseHow) => `coll.how.${s}` as MessageKey;
export const pstatusKey = (s: PromiseStatus) => `coll.pstatus.${s}` as MessageKey;
export const evidenceKey = (s: EvidenceKind) => `coll.ev.${s}` as MessageKey;
export const stepKey = (s: LetterStep) => `coll.step.${s}` as MessageKey;
export const worklistKey = (s: WorklistKind) => `coll.kind.${s}` as MessageKey;
export const timelineKey = (s: string) => `coll.tl.${s}` as MessageKey;
