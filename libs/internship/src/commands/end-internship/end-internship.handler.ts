import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { releaseActiveSlot } from '../active-internships';
import { decideOnInternship, InternshipResult } from '../command-support';
import { EndInternshipCommand } from './end-internship.command';

@CommandHandler(EndInternshipCommand)
export class EndInternshipHandler implements ICommandHandler<EndInternshipCommand, InternshipResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: EndInternshipCommand): Promise<InternshipResult> {
    return decideOnInternship(
      this.store,
      input,
      { type: 'EndInternship', endedOn: input.endedOn, reason: input.reason, note: input.note },
      metadata,
      this.clock.today(),
      (runner) => releaseActiveSlot(runner, input.internshipId),
    );
  }
}
