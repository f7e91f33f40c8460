import { Injectable } from '@nestjs/common';
import { SaeilConfig } from '@saeil/config';
import { ReadModelConsistency } from '@saeil/projections';
import { statisticsProjection } from '../projections/statistics.projection';
import type { StatisticsReadDto } from './statistics-read.dto';

export interface ConsistencyReport {
  minPosition: number;
  reached: boolean;
}

/** `?minPosition=`: wait (bounded) until the statistics projection has applied the caller's write. */
@Injectable()
export class StatisticsReadConsistency {
  constructor(
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async await(dto: StatisticsReadDto): Promise<ConsistencyReport | undefined> {
    if (!dto.minPosition) return undefined;
    const wait = Math.min(dto.waitMs ?? this.config.MAX_CONSISTENCY_WAIT_MS, this.config.MAX_CONSISTENCY_WAIT_MS);
    return {
      minPosition: dto.minPosition,
      reached: await this.consistency.waitFor(statisticsProjection, dto.minPosition, wait),
    };
  }
}

export const scopeOf = (dto: StatisticsReadDto) => ({ level: dto.level, id: dto.id });
