import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ProvideEmployerServiceDto } from './provide-employer-service.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class ProvideEmployerServiceCommand {
  constructor(
    readonly input: ProvideEmployerServiceDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const provideEmployerService: CommandDefinition<ProvideEmployerServiceDto> = {
  type: 'ProvideEmployerService',
  dto: ProvideEmployerServiceDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => occurredAtOfDay(dto.providedOn),
  build: (dto, metadata) => new ProvideEmployerServiceCommand(dto, metadata),
};
