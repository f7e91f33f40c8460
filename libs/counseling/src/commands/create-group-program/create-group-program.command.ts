import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CreateGroupProgramDto } from './create-group-program.dto';

export class CreateGroupProgramCommand {
  constructor(
    readonly input: CreateGroupProgramDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const createGroupProgram: CommandDefinition<CreateGroupProgramDto> = {
  type: 'CreateGroupProgram',
  dto: CreateGroupProgramDto,
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new CreateGroupProgramCommand(dto, metadata),
};
