import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import type { SubsidySchedules } from '../../domain/subsidy-schedule';
import { INTERNSHIP_SUBSIDIES } from '../../config/internship-subsidies.config';
import { decideOnInternship, InternshipResult } from '../command-support';
import { PayInternshipSubsidyCommand } from './pay-internship-subsidy.command';

@CommandHandler(PayInternshipSubsidyCommand)
export class PayInternshipSubsidyHandler implements ICommandHandler<PayInternshipSubsidyCommand, InternshipResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(INTERNSHIP_SUBSIDIES) private readonly schedules: SubsidySchedules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: PayInternshipSubsidyCommand): Promise<InternshipResult> {
    const { paymentNo, kind, recipient, amount, paidOn } = input;
    return decideOnInternship(
      this.store,
      input,
      { type: 'PayInternshipSubsidy', paymentNo, kind, recipient, amount, paidOn, schedules: this.schedules },
      metadata,
      this.clock.today(),
    );
  }
}
