import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { INTERNSHIP_CONTEXT, internshipStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { internshipDecider } from '../../domain/internship.decider';
import type { SubsidySchedules } from '../../domain/subsidy-schedule';
import { INTERNSHIP_SUBSIDIES } from '../../config/internship-subsidies.config';
import { activeInternshipOf, claimActiveSlot } from '../active-internships';
import { InternshipResult } from '../command-support';
import { StartInternshipCommand } from './start-internship.command';

@CommandHandler(StartInternshipCommand)
export class StartInternshipHandler implements ICommandHandler<StartInternshipCommand, InternshipResult> {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    @Inject(INTERNSHIP_SUBSIDIES) private readonly schedules: SubsidySchedules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: StartInternshipCommand): Promise<InternshipResult> {
    const internshipId = randomUUID();
    const loaded = await loadCase(this.store, input.clientId);
    const result = await handleCommand(this.store, internshipDecider, {
      streamId: internshipStreamId(internshipId),
      context: INTERNSHIP_CONTEXT,
      command: {
        type: 'StartInternship',
        internshipId,
        ...input,
        case: loaded.state,
        today: this.clock.today(),
        activeInternshipId: await activeInternshipOf(this.dataSource, input.clientId),
        schedules: this.schedules,
      },
      metadata: actingFor(metadata, loaded.state.centerId),
      idempotency: idempotencyOf(metadata, 'StartInternship', input),
      guards: [loaded.guard],
      // The lookup above answers most cases; this claim makes it strict under concurrency.
      inTransaction: (runner) => claimActiveSlot(runner, input.clientId, internshipId, input.startOn),
    });
    return {
      internshipId: await idWritten(this.store, result, 'internshipId', internshipId),
      clientId: input.clientId,
      ...commandResult(result),
    };
  }
}
