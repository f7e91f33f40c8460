import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_CASE, startOfKoreanDay } from '../case-command';
import { ReopenCaseDto } from './reopen-case.dto';

export class ReopenCaseCommand {
  constructor(
    readonly input: ReopenCaseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const reopenCase: CommandDefinition<ReopenCaseDto> = {
  type: 'ReopenCase',
  dto: ReopenCaseDto,
  centerOf: () => CENTER_OF_CASE,
  occurredAtOf: (dto) => startOfKoreanDay(dto.reopenedOn),
  build: (dto, metadata) => new ReopenCaseCommand(dto, metadata),
};
