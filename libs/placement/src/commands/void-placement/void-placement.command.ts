import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { VoidPlacementDto } from './void-placement.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class VoidPlacementCommand {
  constructor(
    readonly input: VoidPlacementDto,
    readonly metadata: EventMetadata,
  ) {}
}

/** A correction, dated when it is recorded. */
export const voidPlacement: CommandDefinition<VoidPlacementDto> = {
  type: 'VoidPlacement',
  dto: VoidPlacementDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  build: (dto, metadata) => new VoidPlacementCommand(dto, metadata),
};
