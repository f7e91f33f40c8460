import { EventContract } from './contract';
import type { IntakeEvent } from './intake.events';
import type { CounselingEvent } from './counseling.events';
import type { TrainingEvent } from './training.events';
import type { InternshipEvent } from './internship.events';
import type { PlacementEvent } from './placement.events';
import type { EmployersEvent } from './employers.events';
import type { FollowUpEvent } from './retention.events';
import type { ProgramsEvent } from './programs.events';
import type { KpiEvent } from './kpi.events';
import type { ReportsEvent } from './reports.events';
import { INTAKE_CONTEXT, INTAKE_CONTRACTS, INTAKE_EVENT_TYPES } from './intake.events';
import { COUNSELING_CONTEXT, COUNSELING_CONTRACTS, COUNSELING_EVENT_TYPES } from './counseling.events';
import { TRAINING_CONTEXT, TRAINING_CONTRACTS, TRAINING_EVENT_TYPES } from './training.events';
import { INTERNSHIP_CONTEXT, INTERNSHIP_CONTRACTS, INTERNSHIP_EVENT_TYPES } from './internship.events';
import { PLACEMENT_CONTEXT, PLACEMENT_CONTRACTS, PLACEMENT_EVENT_TYPES } from './placement.events';
import { EMPLOYERS_CONTEXT, EMPLOYERS_CONTRACTS, EMPLOYERS_EVENT_TYPES } from './employers.events';
import { RETENTION_CONTEXT, RETENTION_CONTRACTS, FOLLOW_UP_EVENT_TYPES } from './retention.events';
import { PROGRAMS_CONTEXT, PROGRAMS_CONTRACTS, PROGRAMS_EVENT_TYPES } from './programs.events';
import { KPI_CONTEXT, KPI_CONTRACTS, KPI_EVENT_TYPES } from './kpi.events';
import { REPORTS_CONTEXT, REPORTS_CONTRACTS, REPORTS_EVENT_TYPES } from './reports.events';

/** Every event type Saeil publishes. A context adds its list here. */
export const EVENT_CONTRACTS: EventContract[] = [
  ...INTAKE_CONTRACTS,
  ...COUNSELING_CONTRACTS,
  ...TRAINING_CONTRACTS,
  ...INTERNSHIP_CONTRACTS,
  ...PLACEMENT_CONTRACTS,
  ...EMPLOYERS_CONTRACTS,
  ...RETENTION_CONTRACTS,
  ...PROGRAMS_CONTRACTS,
  ...KPI_CONTRACTS,
  ...REPORTS_CONTRACTS,
];

/** Each context's declared event types (its decider's union), checked against the contracts. */
export const DECLARED_EVENT_TYPES: [string, readonly string[]][] = [
  [INTAKE_CONTEXT, INTAKE_EVENT_TYPES],
  [COUNSELING_CONTEXT, COUNSELING_EVENT_TYPES],
  [TRAINING_CONTEXT, TRAINING_EVENT_TYPES],
  [INTERNSHIP_CONTEXT, INTERNSHIP_EVENT_TYPES],
  [PLACEMENT_CONTEXT, PLACEMENT_EVENT_TYPES],
  [EMPLOYERS_CONTEXT, EMPLOYERS_EVENT_TYPES],
  [RETENTION_CONTEXT, FOLLOW_UP_EVENT_TYPES],
  [PROGRAMS_CONTEXT, PROGRAMS_EVENT_TYPES],
  [KPI_CONTEXT, KPI_EVENT_TYPES],
  [REPORTS_CONTEXT, REPORTS_EVENT_TYPES],
];

export function contractOf(type: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((c) => c.type === type);
}

/**
 * Every event Saeil publishes, as one discriminated union on `type` (each context's union).
 * Readers narrow on `type` and get the payload's type; a map keyed by `SaeilEventType` (such as
 * the timeline's descriptions) must name every event, so a new event is a compile error there
 * until it is handled. libs/case-views/src/timeline/timeline.spec.ts checks that map's keys, and so
 * this union, against EVENT_CONTRACTS.
 */
export type SaeilEvent =
  | IntakeEvent
  | CounselingEvent
  | TrainingEvent
  | InternshipEvent
  | PlacementEvent
  | EmployersEvent
  | FollowUpEvent
  | ProgramsEvent
  | KpiEvent
  | ReportsEvent;
export type SaeilEventType = SaeilEvent['type'];
/** The payload of one event type. */
export type EventData<T extends SaeilEventType> = Extract<SaeilEvent, { type: T }>['data'];
