import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { PayStartupGrantDto } from './pay-startup-grant.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class PayStartupGrantCommand {
  constructor(
    readonly input: PayStartupGrantDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const payStartupGrant: CommandDefinition<PayStartupGrantDto> = {
  type: 'PayStartupGrant',
  dto: PayStartupGrantDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.paidOn),
  build: (dto, metadata) => new PayStartupGrantCommand(dto, metadata),
};
