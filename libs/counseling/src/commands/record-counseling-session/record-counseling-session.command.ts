import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_THE_RECORD } from '../../support/command-support';
import { occurredAtOfDay } from '../../support/dates';
import { RecordCounselingSessionDto } from './record-counseling-session.dto';

export class RecordCounselingSessionCommand {
  constructor(
    readonly input: RecordCounselingSessionDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordCounselingSession: CommandDefinition<RecordCounselingSessionDto> = {
  type: 'RecordCounselingSession',
  dto: RecordCounselingSessionDto,
  centerOf: () => CENTER_OF_THE_RECORD,
  occurredAtOf: (dto) => occurredAtOfDay(dto.occurredOn),
  build: (dto, metadata) => new RecordCounselingSessionCommand(dto, metadata),
};
