import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { EndEmploymentDto } from './end-employment.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class EndEmploymentCommand {
  constructor(
    readonly input: EndEmploymentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const endEmployment: CommandDefinition<EndEmploymentDto> = {
  type: 'EndEmployment',
  dto: EndEmploymentDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndEmploymentCommand(dto, metadata),
};
