import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthError, Public } from '@saeil/core';
import { RUNTIME } from './platform.module';
import { Runtime } from './runtime';
import { DependencyCheck, HealthResponse } from './ops.response';

type Check = DependencyCheck;

async function check(fn: () => Promise<unknown>): Promise<Check> {
  try {
    await fn();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

/** /metrics without the scraper's token (or with METRICS_TOKEN unset): 401. */
class MetricsTokenRequired extends AuthError {
  readonly status = 401;
  constructor() {
    super('METRICS_TOKEN_REQUIRED', '/metrics는 METRICS_TOKEN을 Bearer 토큰으로 보내야 읽을 수 있습니다.');
  }
}

/** The bearer token equals METRICS_TOKEN (compared in constant time, over hashes of equal length). */
function isMetricsToken(authorization: string | undefined, expected: string | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!expected || !given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * What the engineer on call looks at: /health for the load balancer and humans, /metrics for
 * Prometheus (with its own token: how many commands, events and lags tell how busy each center is).
 */
@ApiTags('operations')
@Public()
@Controller()
export class OpsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get('health')
  @ApiOperation({ summary: 'Database, Kafka, relay lag and projection lag; 503 when a dependency is down' })
  @ApiResponse({ status: 200, type: HealthResponse, description: 'Healthy' })
  @ApiResponse({
    status: 503,
    type: HealthResponse,
    description: 'A dependency is down: status degraded, the check that failed says why',
  })
  async health(@Res() res: Response): Promise<void> {
    const { dataSource, bus, worker } = this.runtime;
    const database = await check(() => dataSource.query('SELECT 1'));
    const kafka: Check = bus ? await check(() => bus.ping()) : { status: 'disabled' };
    const body: HealthResponse = { status: 'ok', mode: bus ? 'kafka' : 'embedded', database, kafka };
    if (database.status === 'up') {
      try {
        if (worker.relay) body.relay = { lag: await worker.relay.lag(), leader: worker.relay.isLeader };
        body.projections = worker.running ? await worker.projectionLags() : 'worker not running in this process';
      } catch (error) {
        body.lagError = (error as Error).message;
      }
    }
    const healthy = database.status === 'up' && kafka.status !== 'down';
    body.status = healthy ? 'ok' : 'degraded';
    res.status(healthy ? 200 : 503).json(body);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({
    summary:
      "Prometheus metrics; needs `Authorization: Bearer <METRICS_TOKEN>` (its own token, not an account's: 401 without it)",
  })
  @ApiProduces('text/plain')
  @ApiResponse({
    status: 200,
    description: 'The Prometheus text exposition format (version 0.0.4)',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async metrics(@Headers('authorization') authorization?: string): Promise<string> {
    if (!isMetricsToken(authorization, this.runtime.config.METRICS_TOKEN)) throw new MetricsTokenRequired();
    if (this.runtime.worker.running) await this.runtime.worker.projectionLags().catch(() => undefined);
    if (this.runtime.worker.relay) await this.runtime.worker.relay.lag().catch(() => undefined);
    return this.runtime.metrics.registry.metrics();
  }
}
