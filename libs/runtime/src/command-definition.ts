import type { Request } from 'express';
import type { EventMetadata } from '@saeil/event-store';
import type { Metrics } from '@saeil/observability';
import { commandMetadata } from './request-context';
import { timed } from './timed';

/**
 * One command as both doors see it: the HTTP controller and the Kafka command topic validate the
 * same DTO class and hand the same command object to the same @nestjs/cqrs handler.
 */
export interface CommandDefinition<D extends object = any> {
  /** Name on the command topic, e.g. 'RegisterClient'. */
  type: string;
  dto: new () => D;
  /** The center the command acts for (goes into the events' metadata). */
  centerOf(dto: D): string;
  /** When it happened, if the DTO says (counselors record late). */
  occurredAtOf?(dto: D): string | undefined;
  /** The @nestjs/cqrs command instance its handler takes. */
  build(dto: D, metadata: EventMetadata): object;
}

/**
 * The HTTP door: metadata from the request's headers, the definition's command to the bus,
 * latency recorded by outcome. Controllers call this so both doors stay the same path.
 */
export async function executeFromHttp<D extends object, R>(
  commandBus: { execute(command: never): Promise<unknown> },
  metrics: Metrics,
  definition: CommandDefinition<D>,
  dto: D,
  req: Request,
): Promise<R> {
  const metadata = commandMetadata(req, definition.centerOf(dto), definition.occurredAtOf?.(dto));
  return timed(metrics, definition.type, () => commandBus.execute(definition.build(dto, metadata) as never) as Promise<R>);
}
