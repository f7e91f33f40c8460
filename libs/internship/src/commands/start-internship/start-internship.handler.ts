import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventStore, handleCommand } from '@saeil/event-store';
import { INTERNSHIP_CONTEXT, internshipStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { internshipDecider } from '../../domain/internship.decider';
import type { SubsidySchedules } from '../../domain/subsidy-schedule';
import { INTERNSHIP_SUBSIDIES } from '../../config/internship-subsidies.config';
import { activeInternshipOf, claimActiveSlot } from '../active-internships';
import { InternshipResult, todayInKorea } from '../command-support';
import { StartInternshipCommand } from './start-internship.command';

@CommandHandler(StartInternshipCommand)
export class StartInternshipHandler implements ICommandHandler<StartInternshipCommand, InternshipResult> {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    @Inject(INTERNSHIP_SUBSIDIES) private readonly schedules: SubsidySchedules,
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
        today: todayInKorea(),
        activeInternshipId: await activeInternshipOf(this.dataSource, input.clientId),
        schedules: this.schedules,
      },
      metadata: { ...metadata, centerId: loaded.state.centerId ?? metadata.centerId },
      idempotency: metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType: 'StartInternship', request: input } : undefined,
      guards: [loaded.guard],
      // The lookup above answers most cases; this claim makes it strict under concurrency.
      inTransaction: (runner) => claimActiveSlot(runner, input.clientId, internshipId, input.startOn),
    });
    return {
      // On a repeated idempotency key the id is the first command's, read back from its stream.
      internshipId: result.streamId.replace(/^internship-/, ''),
      clientId: input.clientId,
      streamVersion: result.streamVersion,
      position: result.globalPosition,
      duplicate: result.duplicate,
    };
  }
}
