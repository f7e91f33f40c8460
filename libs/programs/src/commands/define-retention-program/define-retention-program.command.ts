import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { DefineRetentionProgramDto } from './define-retention-program.dto';

export class DefineRetentionProgramCommand {
  constructor(
    readonly input: DefineRetentionProgramDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const defineRetentionProgram: CommandDefinition<DefineRetentionProgramDto> = {
  type: 'DefineRetentionProgram',
  dto: DefineRetentionProgramDto,
  access: { roles: ['supervisor'] },
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new DefineRetentionProgramCommand(dto, metadata),
};
