import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { mergeMap, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { redactPersonalQuery, ServiceUnavailable, ValidationFailed } from '@saeil/core';
import type { Principal } from '@saeil/identity';
import type { AccessLogEntry } from '../domain/hash-chain';
import { appendAccessLog, NewAccessLogEntry } from './access-log.writer';
import { ACCESS_LOGGED, AccessLoggedMetadata } from './access-logged.decorator';

const MAX_REASON = 500;

/** The route a row records: the path and every filter, but not what a search looked for. */
export function routeOf(method: string, originalUrl: string): string {
  return `${method} ${redactPersonalQuery(originalUrl)}`.slice(0, 2000);
}

@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const meta = this.reflector.get<AccessLoggedMetadata | undefined>(ACCESS_LOGGED, context.getHandler());
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    if (!meta || (meta.when && !meta.when(req))) return next.handle();
    const reason = meta.requireReason ? reasonOf(req) : null;
    const actor = this.actorOf(req);
    return next.handle().pipe(
      mergeMap(async (body) => {
        const base = {
          ...actor,
          sourceAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          action: meta.action,
          route: routeOf(req.method, req.originalUrl),
          reason,
          outcome: 'allowed' as const,
        };
        const subjects = subjectsOf(meta, req, body);
        const entries: NewAccessLogEntry[] =
          subjects.length === 0
            ? [{ ...base, subjectClientId: null }]
            : subjects.map((s) => ({ ...base, subjectClientId: s }));
        try {
          await appendAccessLog(this.dataSource, entries);
        } catch {
          // A file export has already named its attachment and type: the error must not go out as the file.
          const res = context.switchToHttp().getResponse<Response>();
          if (!res.headersSent)
            ['Content-Disposition', 'Content-Type', 'X-Report-As-Of-Position'].forEach((h) => res.removeHeader(h));
          throw new ServiceUnavailable(
            '접속기록을 남길 수 없어 개인정보를 보여줄 수 없습니다. 잠시 후 다시 시도하세요.',
          );
        }
        return body;
      }),
    );
  }

  /** The account the global AuthGuard authenticated: every logged route requires one. */
  private actorOf(
    req: Request & { principal?: Principal },
  ): Pick<AccessLogEntry, 'actorId' | 'actorKind' | 'actorCenterId'> {
    const principal = req.principal;
    if (!principal) throw new ServiceUnavailable('인증되지 않은 요청의 개인정보 조회는 기록할 수 없습니다.');
    return { actorId: principal.accountId, actorKind: 'account', actorCenterId: principal.centerId ?? null };
  }
}

function reasonOf(req: Request): string {
  const reason = req.query.reason;
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_REASON) {
    throw new ValidationFailed([
      {
        field: 'reason',
        code: 'exportReasonRequired',
        message: `an export must state its reason (reason, 1–${MAX_REASON} characters)`,
      },
    ]);
  }
  return reason.trim();
}

function subjectsOf(meta: AccessLoggedMetadata, req: Request, body: unknown): string[] {
  if (typeof meta.subject === 'string') return [String(req.params[meta.subject])];
  if (typeof meta.subject === 'function') return [...new Set(meta.subject(body))];
  return [];
}
