import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordJobFairDto } from './record-job-fair.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordJobFairCommand {
  constructor(
    readonly input: RecordJobFairDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordJobFair: CommandDefinition<RecordJobFairDto> = {
  type: 'RecordJobFair',
  dto: RecordJobFairDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => occurredAtOfDay(dto.heldOn),
  build: (dto, metadata) => new RecordJobFairCommand(dto, metadata),
};
