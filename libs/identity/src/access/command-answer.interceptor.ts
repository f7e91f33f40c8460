import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { COMMAND_ROUTE_KEY } from './command-route.decorator';

/**
 * What every command route answers alike, so no controller writes it: a result marked
 * `duplicate` (its Idempotency-Key matched an earlier request, or the record was already there:
 * nothing appended now) is 200 instead of the route's 201 — the first answer, repeated.
 * Applies to the routes marked `@CommandRoute` only.
 */
@Injectable()
export class CommandAnswerInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const isCommand = this.reflector.getAllAndOverride<boolean>(COMMAND_ROUTE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!isCommand || context.getType() !== 'http') return next.handle();
    return next.handle().pipe(
      map((result) => {
        if (result && typeof result === 'object' && (result as { duplicate?: unknown }).duplicate === true)
          context.switchToHttp().getResponse<Response>().status(200);
        return result;
      }),
    );
  }
}
