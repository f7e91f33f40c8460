import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordFollowUpDto } from './record-follow-up.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordFollowUpCommand {
  constructor(
    readonly input: RecordFollowUpDto,
    readonly metadata: EventMetadata,
  ) {}
}

/** Dated by the contact day; the center is her case's (set by the handler). */
export const recordFollowUp: CommandDefinition<RecordFollowUpDto> = {
  type: 'RecordFollowUp',
  dto: RecordFollowUpDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  // statistics by program listed whatever was written here: another center's program, a random id
  references: [{ kind: 'retentionProgram', field: 'programId' }],
  occurredAtOf: (dto) => occurredAtOfDay(dto.contactedOn),
  build: (dto, metadata) => new RecordFollowUpCommand(dto, metadata),
};
