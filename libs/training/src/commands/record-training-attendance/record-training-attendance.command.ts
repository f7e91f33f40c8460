import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordTrainingAttendanceDto } from './record-training-attendance.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordTrainingAttendanceCommand {
  constructor(
    readonly input: RecordTrainingAttendanceDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordTrainingAttendance: CommandDefinition<RecordTrainingAttendanceDto> = {
  type: 'RecordTrainingAttendance',
  dto: RecordTrainingAttendanceDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'course', field: 'courseId' },
      { kind: 'client', field: 'clientId', enrolledIn: 'courseId' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.date),
  build: (dto, metadata) => new RecordTrainingAttendanceCommand(dto, metadata),
};
