/**
 * Public event contracts of the intake context (topic `saeil.intake.events.v1`).
 * Payloads are versioned: a change that is not purely additive gets a new schema version and
 * an upcaster (libs/event-store/src/upcasters.ts), and old events are never rewritten.
 */
import { EventContract, s } from './contract';

export const INTAKE_CONTEXT = 'intake';

export const clientStreamId = (clientId: string): string => `client-${clientId}`;

/** v1 */
export interface ClientRegisteredV1 {
  clientId: string;
  centerId: string;
  counselorId: string;
  name: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string;
  phone: string;
}

export type ClientRegistered = { type: 'ClientRegistered'; data: ClientRegisteredV1 };

export type IntakeEvent = ClientRegistered;

export const INTAKE_EVENT_TYPES = ['ClientRegistered'] as const satisfies readonly IntakeEvent['type'][];

export const INTAKE_CONTRACTS: EventContract[] = [
  {
    type: 'ClientRegistered',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '구직등록 — a client was registered at a center and assigned a counselor',
    payload: s.object({
      clientId: s.uuid(),
      centerId: s.string('center that registered her'),
      counselorId: s.string('counselor in charge'),
      name: s.string('personal data', { minLength: 1 }),
      birthDate: s.date('personal data'),
      phone: s.string('personal data'),
    }),
  },
];
