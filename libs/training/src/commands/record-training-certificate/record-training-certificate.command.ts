import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordTrainingCertificateDto } from './record-training-certificate.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordTrainingCertificateCommand {
  constructor(
    readonly input: RecordTrainingCertificateDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordTrainingCertificate: CommandDefinition<RecordTrainingCertificateDto> = {
  type: 'RecordTrainingCertificate',
  dto: RecordTrainingCertificateDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'course', field: 'courseId' },
      { kind: 'client', field: 'clientId', enrolledIn: 'courseId' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.obtainedOn),
  build: (dto, metadata) => new RecordTrainingCertificateCommand(dto, metadata),
};
