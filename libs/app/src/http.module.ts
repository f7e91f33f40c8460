import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { OpsController, PlatformModule, Runtime, CORRELATION_HEADER } from '@saeil/runtime';

export interface HttpModuleOptions {
  /** Serve the domain modules' commands and queries (the api role); the worker serves only /health and /metrics. */
  domain: boolean;
}

function requestId(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

@Module({})
export class SaeilHttpModule {
  static forRuntime(runtime: Runtime, options: HttpModuleOptions): DynamicModule {
    return {
      module: SaeilHttpModule,
      imports: [
        PlatformModule.forRuntime(runtime),
        LoggerModule.forRoot({
          pinoHttp: {
            logger: runtime.logger,
            genReqId: (req, res) => {
              const id = requestId(req);
              res.setHeader('X-Correlation-Id', id);
              return id;
            },
            customProps: (req) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
        CqrsModule.forRoot(),
        ...(options.domain ? runtime.modules.map((m) => m.nestModule) : []),
      ],
      controllers: [OpsController],
    };
  }
}
