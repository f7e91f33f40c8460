import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { releaseActiveSlot } from '../active-internships';
import { decideOnInternship, InternshipResult } from '../command-support';
import { EndInternshipCommand } from './end-internship.command';

@CommandHandler(EndInternshipCommand)
export class EndInternshipHandler implements ICommandHandler<EndInternshipCommand, InternshipResult> {
  constructor(private readonly store: EventStore) {}

  execute({ input, metadata }: EndInternshipCommand): Promise<InternshipResult> {
    return decideOnInternship(this.store, input, { type: 'EndInternship', endedOn: input.endedOn, reason: input.reason, note: input.note }, metadata, (runner) => releaseActiveSlot(runner, input.internshipId));
  }
}
