/**
 * Public event contracts of the kpi context (topic `saeil.kpi.events.v1`): KPI plans (확인지표): indicators, targets, entered actuals.
 */
import { EventContract } from './contract';

export const KPI_CONTEXT = 'kpi';

export const KPI_EVENT_TYPES: readonly string[] = [];

export const KPI_CONTRACTS: EventContract[] = [];
