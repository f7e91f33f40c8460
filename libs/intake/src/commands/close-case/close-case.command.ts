import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_CASE, startOfKoreanDay } from '../case-command';
import { CloseCaseDto } from './close-case.dto';

export class CloseCaseCommand {
  constructor(
    readonly input: CloseCaseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const closeCase: CommandDefinition<CloseCaseDto> = {
  type: 'CloseCase',
  dto: CloseCaseDto,
  centerOf: () => CENTER_OF_CASE,
  occurredAtOf: (dto) => startOfKoreanDay(dto.closedOn),
  build: (dto, metadata) => new CloseCaseCommand(dto, metadata),
};
