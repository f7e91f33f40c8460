import type { MigrationInterface } from 'typeorm';
import type { DynamicModule, Type } from '@nestjs/common';
import type { Projection } from '@saeil/projections';
import type { UpcasterRegistry } from '@saeil/event-store';
import type { CommandDefinition } from './command-definition';
import type { Reactor, WorkerJob } from './reactor';

/**
 * What a bounded-context module contributes to the running system. apps/ compose these; the
 * platform creates the tables (migrations), topics (contexts), read models (projections) and
 * upcasters from them.
 */
export interface SaeilModuleDefinition {
  name: string;
  /** Contexts this module writes events for (one Kafka topic each). */
  contexts: string[];
  migrations: (new () => MigrationInterface)[];
  projections: Projection[];
  /** Followers that act on events (run a command) rather than keep a read model; never rebuilt. */
  reactors?: Reactor[];
  /** Jobs the worker runs on an interval (e.g. the follow-up sweep). */
  jobs?: WorkerJob[];
  /** Commands also accepted on the Kafka command topic. */
  commands: CommandDefinition[];
  registerUpcasters?(registry: UpcasterRegistry): void;
  /** The Nest module with the module's controllers and command/query handlers. */
  nestModule: Type | DynamicModule;
}
