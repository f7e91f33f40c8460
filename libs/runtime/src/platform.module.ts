import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { CLOCK } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { Metrics } from '@saeil/observability';
import { ReadModelConsistency } from '@saeil/projections';
import { Runtime } from './runtime';

export const RUNTIME = Symbol('RUNTIME');

/** Hands the runtime's pieces to Nest's injector, for every module to use. */
@Global()
@Module({})
export class PlatformModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: SaeilConfig, useValue: runtime.config },
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: EventStore, useValue: runtime.store },
        { provide: Metrics, useValue: runtime.metrics },
        { provide: ReadModelConsistency, useValue: runtime.consistency },
        { provide: CLOCK, useValue: runtime.clock },
      ],
      exports: [RUNTIME, SaeilConfig, DataSource, EventStore, Metrics, ReadModelConsistency, CLOCK],
    };
  }
}
