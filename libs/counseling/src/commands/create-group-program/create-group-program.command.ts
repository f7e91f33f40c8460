import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CreateGroupProgramDto } from './create-group-program.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class CreateGroupProgramCommand {
  constructor(
    readonly input: CreateGroupProgramDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const createGroupProgram: CommandDefinition<CreateGroupProgramDto> = {
  type: 'CreateGroupProgram',
  dto: CreateGroupProgramDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new CreateGroupProgramCommand(dto, metadata),
};
