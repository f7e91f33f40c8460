import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyCheck {
  @ApiProperty({ enum: ['up', 'down', 'disabled'] }) status: 'up' | 'down' | 'disabled';
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
}

export class RelayHealth {
  @ApiProperty({ description: 'Events in the store not yet on Kafka' }) lag: number;
  @ApiProperty({ description: 'Whether this process holds the relay lock' }) leader: boolean;
}

/** GET /health: 200 when healthy, 503 (the same body, status degraded) when a dependency is down. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({
    enum: ['kafka', 'embedded'],
    description: 'kafka: events go through the broker; embedded: projections read the event store directly',
  })
  mode: 'kafka' | 'embedded';
  @ApiProperty({ type: DependencyCheck }) database: DependencyCheck;
  @ApiProperty({ type: DependencyCheck }) kafka: DependencyCheck;
  @ApiPropertyOptional({ type: RelayHealth, description: 'In Kafka mode, where the relay runs' }) relay?: RelayHealth;
  @ApiPropertyOptional({
    oneOf: [{ type: 'object', additionalProperties: { type: 'number' } }, { type: 'string' }],
    description:
      'Events each projection has still to apply, by projection name; a sentence when the worker does not run in this process',
  })
  projections?: Record<string, number> | string;
  @ApiPropertyOptional({ description: 'Why the lags could not be read' }) lagError?: string;
}
