import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ReopenCaseDto } from './reopen-case.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class ReopenCaseCommand {
  constructor(
    readonly input: ReopenCaseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const reopenCase: CommandDefinition<ReopenCaseDto> = {
  type: 'ReopenCase',
  dto: ReopenCaseDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.reopenedOn),
  build: (dto, metadata) => new ReopenCaseCommand(dto, metadata),
};
