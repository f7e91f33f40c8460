import { EventContract } from './contract';
import { INTAKE_CONTRACTS } from './intake.events';

/** Every event type Saeil publishes. A context adds its list here. */
export const EVENT_CONTRACTS: EventContract[] = [...INTAKE_CONTRACTS];

export function contractOf(type: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((c) => c.type === type);
}
