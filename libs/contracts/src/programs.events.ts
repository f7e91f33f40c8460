/**
 * Public event contracts of the programs context (topic `saeil.programs.events.v1`): retention programs (사후관리 프로그램): plans, benefits, budgets.
 */
import { EventContract } from './contract';

export const PROGRAMS_CONTEXT = 'programs';

export const PROGRAMS_EVENT_TYPES: readonly string[] = [];

export const PROGRAMS_CONTRACTS: EventContract[] = [];
