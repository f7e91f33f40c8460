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
  // her counselor: an account of the center registering her (any string was taken: issue 13)
  references: [{ kind: 'counselor', field: 'counselorId', within: { centerField: 'centerId' } }],
  centerOf: (dto) => dto.centerId,
  occurredAtOf: (dto) => (dto.registeredOn ? occurredAtOfDay(dto.registeredOn) : undefined),
  build: (dto, metadata) => new RegisterClientCommand(dto, metadata),
};
