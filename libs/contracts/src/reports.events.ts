/**
 * Public event contracts of the reports context (topic `saeil.reports.events.v1`): the Ministry report: submitted (frozen) versions.
 */
import { EventContract } from './contract';

export const REPORTS_CONTEXT = 'reports';

export const REPORTS_EVENT_TYPES: readonly string[] = [];

export const REPORTS_CONTRACTS: EventContract[] = [];
