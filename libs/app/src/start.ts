import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { SaeilConfig } from '@saeil/config';
import { DtoValidationPipe, SaeilErrorFilter } from '@saeil/core';
import { CommandBus } from '@nestjs/cqrs';
import { CommandAuthorizer, CommandTopicConsumer, createRuntime, Runtime, SaeilModuleDefinition } from '@saeil/runtime';
import { SAEIL_MODULES } from './modules';
import { SaeilHttpModule } from './http.module';
import { applyHttpHardening } from './hardening/http-hardening';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveOpenApi } from './openapi/serve-openapi';

export interface StartOptions {
  /** Serve commands and queries over HTTP. */
  api: boolean;
  /** Run the relay and projection feeds. */
  worker: boolean;
  modules?: SaeilModuleDefinition[];
  logger?: Logger;
}

export interface RunningSaeil {
  runtime: Runtime;
  app: INestApplication;
  /** Base URL of the HTTP server. */
  url: string;
  stop(): Promise<void>;
}

/** Starts one Saeil process: api, worker, or both (npm start). */
export async function startSaeil(config: SaeilConfig, options: StartOptions): Promise<RunningSaeil> {
  const runtime = await createRuntime(config, {
    modules: options.modules ?? SAEIL_MODULES,
    logger: options.logger,
    startWorker: options.worker,
  });
  let app: NestExpressApplication | undefined;
  let commandTopic: CommandTopicConsumer | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      SaeilHttpModule.forRuntime(runtime, { domain: options.api }),
      { bufferLogs: true, bodyParser: false },
    );
    app.useLogger(app.get(PinoNestLogger));
    applyHttpHardening(app, config);
    app.useGlobalFilters(new SaeilErrorFilter());
    app.useGlobalPipes(new DtoValidationPipe());
    if (options.api) {
      serveOpenApi(app, buildOpenApiDocument(app));
    }
    await app.listen(config.PORT, config.HOST);
    if (options.api && runtime.bus) {
      commandTopic = new CommandTopicConsumer(
        runtime.bus,
        runtime.topics,
        app.get(CommandBus),
        runtime.modules.flatMap((m) => m.commands),
        runtime.logger.child({ component: 'command-topic' }),
        // Provided by the identity module: no authorizer, no command topic (it would run unauthorized).
        app.get(CommandAuthorizer),
      );
      await commandTopic.start();
    }
  } catch (error) {
    await commandTopic?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await runtime.close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.HOST}:${address.port}`;
  let stopped = false;
  return {
    runtime,
    app,
    url,
    /**
     * In order: the worker's loops first (told at once, so none reads on while HTTP closes),
     * then the command topic and HTTP, then the runtime (bus, LISTEN, pool, embedded PostgreSQL).
     */
    async stop() {
      if (stopped) return;
      stopped = true;
      const workerStopped = runtime.worker.stop();
      await commandTopic?.stop().catch(() => undefined);
      await app!.close();
      await workerStopped;
      await runtime.close();
    },
  };
}
