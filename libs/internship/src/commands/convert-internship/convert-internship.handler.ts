import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import type { SubsidySchedules } from '../../domain/subsidy-schedule';
import { INTERNSHIP_SUBSIDIES } from '../../config/internship-subsidies.config';
import { releaseActiveSlot } from '../active-internships';
import { decideOnInternship, InternshipResult } from '../command-support';
import { ConvertInternshipCommand } from './convert-internship.command';

@CommandHandler(ConvertInternshipCommand)
export class ConvertInternshipHandler implements ICommandHandler<ConvertInternshipCommand, InternshipResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(INTERNSHIP_SUBSIDIES) private readonly schedules: SubsidySchedules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: ConvertInternshipCommand): Promise<InternshipResult> {
    const command = {
      type: 'ConvertInternship' as const,
      convertedOn: input.convertedOn,
      jobTitle: input.jobTitle,
      employmentType: input.employmentType,
      schedules: this.schedules,
    };
    // Converting an active internship ends it: her active slot is freed with the event.
    return decideOnInternship(this.store, input, command, metadata, this.clock.today(), (runner) =>
      releaseActiveSlot(runner, input.internshipId),
    );
  }
}
