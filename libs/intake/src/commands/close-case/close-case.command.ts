import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { CloseCaseDto } from './close-case.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class CloseCaseCommand {
  constructor(
    readonly input: CloseCaseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const closeCase: CommandDefinition<CloseCaseDto> = {
  type: 'CloseCase',
  dto: CloseCaseDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.closedOn),
  build: (dto, metadata) => new CloseCaseCommand(dto, metadata),
};
