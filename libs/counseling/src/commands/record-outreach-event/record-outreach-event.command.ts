import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordOutreachEventDto } from './record-outreach-event.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordOutreachEventCommand {
  constructor(
    readonly input: RecordOutreachEventDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordOutreachEvent: CommandDefinition<RecordOutreachEventDto> = {
  type: 'RecordOutreachEvent',
  dto: RecordOutreachEventDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'registeredClientIds' }] },
  references: [{ kind: 'counselor', field: 'counselorIds', within: { centerField: 'centerId' } }],
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => occurredAtOfDay(dto.heldOn),
  build: (dto, metadata) => new RecordOutreachEventCommand(dto, metadata),
};
