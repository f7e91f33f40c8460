import { EventContract } from './contract';
import { INTAKE_CONTEXT, INTAKE_CONTRACTS, INTAKE_EVENT_TYPES } from './intake.events';
import { COUNSELING_CONTEXT, COUNSELING_CONTRACTS, COUNSELING_EVENT_TYPES } from './counseling.events';
import { TRAINING_CONTEXT, TRAINING_CONTRACTS, TRAINING_EVENT_TYPES } from './training.events';
import { INTERNSHIP_CONTEXT, INTERNSHIP_CONTRACTS, INTERNSHIP_EVENT_TYPES } from './internship.events';
import { PLACEMENT_CONTEXT, PLACEMENT_CONTRACTS, PLACEMENT_EVENT_TYPES } from './placement.events';
import { EMPLOYERS_CONTEXT, EMPLOYERS_CONTRACTS, EMPLOYERS_EVENT_TYPES } from './employers.events';

/** Every event type Saeil publishes. A context adds its list here. */
export const EVENT_CONTRACTS: EventContract[] = [...INTAKE_CONTRACTS, ...COUNSELING_CONTRACTS, ...TRAINING_CONTRACTS, ...INTERNSHIP_CONTRACTS, ...PLACEMENT_CONTRACTS, ...EMPLOYERS_CONTRACTS];

/** Each context's declared event types (its decider's union), checked against the contracts. */
export const DECLARED_EVENT_TYPES: [string, readonly string[]][] = [
  [INTAKE_CONTEXT, INTAKE_EVENT_TYPES],
  [COUNSELING_CONTEXT, COUNSELING_EVENT_TYPES],
  [TRAINING_CONTEXT, TRAINING_EVENT_TYPES],
  [INTERNSHIP_CONTEXT, INTERNSHIP_EVENT_TYPES],
  [PLACEMENT_CONTEXT, PLACEMENT_EVENT_TYPES],
  [EMPLOYERS_CONTEXT, EMPLOYERS_EVENT_TYPES],
];

export function contractOf(type: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((c) => c.type === type);
}
