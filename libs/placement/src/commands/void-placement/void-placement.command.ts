import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_HER_CASE } from '../command-support';
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
  centerOf: () => CENTER_OF_HER_CASE,
  build: (dto, metadata) => new VoidPlacementCommand(dto, metadata),
};
