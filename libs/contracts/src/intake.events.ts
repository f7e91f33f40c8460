/**
 * Public event contracts of the intake context (topic `saeil.intake.events.v1`).
 * Payloads are versioned: a change that is not purely additive gets a new schema version and
 * an upcaster (libs/event-store/src/upcasters.ts), and old events are never rewritten.
 */
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
