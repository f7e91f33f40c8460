import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordGroupSessionDto } from './record-group-session.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordGroupSessionCommand {
  constructor(
    readonly input: RecordGroupSessionDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordGroupSession: CommandDefinition<RecordGroupSessionDto> = {
  type: 'RecordGroupSession',
  dto: RecordGroupSessionDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'groupProgram', field: 'programId' },
      { kind: 'client', field: 'attendeeClientIds' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.heldOn),
  build: (dto, metadata) => new RecordGroupSessionCommand(dto, metadata),
};
