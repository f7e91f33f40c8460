import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { RegisterEmployerDto } from './register-employer.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RegisterEmployerCommand {
  constructor(
    readonly input: RegisterEmployerDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const registerEmployer: CommandDefinition<RegisterEmployerDto> = {
  type: 'RegisterEmployer',
  dto: RegisterEmployerDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new RegisterEmployerCommand(dto, metadata),
};
