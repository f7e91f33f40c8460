import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { StartStartupDto } from './start-startup.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class StartStartupCommand {
  constructor(
    readonly input: StartStartupDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const startStartup: CommandDefinition<StartStartupDto> = {
  type: 'StartStartup',
  dto: StartStartupDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.startedOn),
  build: (dto, metadata) => new StartStartupCommand(dto, metadata),
};
