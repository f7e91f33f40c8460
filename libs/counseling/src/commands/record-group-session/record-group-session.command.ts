import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_THE_RECORD } from '../../support/command-support';
import { occurredAtOfDay } from '../../support/dates';
import { RecordGroupSessionDto } from './record-group-session.dto';

export class RecordGroupSessionCommand {
  constructor(
    readonly input: RecordGroupSessionDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordGroupSession: CommandDefinition<RecordGroupSessionDto> = {
  type: 'RecordGroupSession',
  dto: RecordGroupSessionDto,
  centerOf: () => CENTER_OF_THE_RECORD,
  occurredAtOf: (dto) => occurredAtOfDay(dto.heldOn),
  build: (dto, metadata) => new RecordGroupSessionCommand(dto, metadata),
};
