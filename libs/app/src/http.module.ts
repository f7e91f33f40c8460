import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { OpsController, PlatformModule, Runtime } from '@saeil/runtime';
import { ExpensiveReadsGuard } from './hardening/expensive-reads.throttle';
import { requestLogOptions } from './logging/request-log';
import { WebAppModule } from './web/web-app.module';

export interface HttpModuleOptions {
  /** Serve the domain modules' commands and queries (the api role); the worker serves only /health and /metrics. */
  domain: boolean;
}

@Module({})
export class SaeilHttpModule {
  static forRuntime(runtime: Runtime, options: HttpModuleOptions): DynamicModule {
    const limit = runtime.config.RATE_LIMIT_EXPENSIVE_PER_MINUTE;
    const throttled = options.domain && limit > 0;
    return {
      module: SaeilHttpModule,
      imports: [
        PlatformModule.forRuntime(runtime),
        LoggerModule.forRoot({ pinoHttp: requestLogOptions(runtime.logger) }),
        CqrsModule.forRoot(),
        ...(options.domain ? runtime.modules.map((m) => m.nestModule) : []),
        // The api role serves the counselor's web app (built by `npm run build` into dist/web).
        ...(options.domain ? [WebAppModule.register()] : []),
        ...(throttled
          ? [
              ThrottlerModule.forRoot({
                throttlers: [{ ttl: 60_000, limit }],
                errorMessage: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
              }),
            ]
          : []),
      ],
      controllers: [OpsController],
      providers: throttled ? [{ provide: APP_GUARD, useClass: ExpensiveReadsGuard } satisfies Provider] : [],
    };
  }
}
