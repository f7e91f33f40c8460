import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordCounselingSessionDto } from './record-counseling-session.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordCounselingSessionCommand {
  constructor(
    readonly input: RecordCounselingSessionDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordCounselingSession: CommandDefinition<RecordCounselingSessionDto> = {
  type: 'RecordCounselingSession',
  dto: RecordCounselingSessionDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  references: [{ kind: 'counselor', field: 'counselorId', within: { clientField: 'clientId' } }],
  occurredAtOf: (dto) => occurredAtOfDay(dto.occurredOn),
  build: (dto, metadata) => new RecordCounselingSessionCommand(dto, metadata),
};
