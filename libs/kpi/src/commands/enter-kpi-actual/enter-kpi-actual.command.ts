import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { EnterKpiActualDto } from './enter-kpi-actual.dto';

export class EnterKpiActualCommand {
  constructor(
    readonly input: EnterKpiActualDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const enterKpiActual: CommandDefinition<EnterKpiActualDto> = {
  type: 'EnterKpiActual',
  dto: EnterKpiActualDto,
  access: { roles: ['supervisor'], records: [{ kind: 'kpiPlan', field: 'planId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.enteredOn),
  build: (dto, metadata) => new EnterKpiActualCommand(dto, metadata),
};
