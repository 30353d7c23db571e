/** The escalation ladder and the letter that fits each stage. */
import { STAGES, type LetterStep, type Stage } from '../../shared/api/collections-types';

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The letter a case at this stage gets next (the user may pick another). */
export function nextLetterFor(stage: Stage, anyOverdue: boolean): LetterStep {
  switch (stage) {
    case 'reminder':
      return anyOverdue ? 'email' : 'sms';
    case 'collector':
      return 'email';
    case 'manager':
      return 'demand_letter';
    default:
      return stage === 'closed' ? 'sms' : 'lawyer_handoff';
  }
}
