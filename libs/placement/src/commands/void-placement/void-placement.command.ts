import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { VoidPlacementDto } from './void-placement.dto';

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
  build: (dto, metadata) => new VoidPlacementCommand(dto, metadata),
};
