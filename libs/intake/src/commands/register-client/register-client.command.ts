import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RegisterClientDto } from './register-client.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RegisterClientCommand {
  constructor(
    readonly input: RegisterClientDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const registerClient: CommandDefinition<RegisterClientDto> = {
  type: 'RegisterClient',
  dto: RegisterClientDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => (dto.registeredOn ? occurredAtOfDay(dto.registeredOn) : undefined),
  build: (dto, metadata) => new RegisterClientCommand(dto, metadata),
};
