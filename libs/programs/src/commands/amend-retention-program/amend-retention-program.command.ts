import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { AmendRetentionProgramDto } from './amend-retention-program.dto';

export class AmendRetentionProgramCommand {
  constructor(
    readonly input: AmendRetentionProgramDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const amendRetentionProgram: CommandDefinition<AmendRetentionProgramDto> = {
  type: 'AmendRetentionProgram',
  dto: AmendRetentionProgramDto,
  access: { roles: ['supervisor'], records: [{ kind: 'retentionProgram', field: 'programId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.amendedOn),
  build: (dto, metadata) => new AmendRetentionProgramCommand(dto, metadata),
};
