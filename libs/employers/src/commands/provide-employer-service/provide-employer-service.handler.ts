import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { EMPLOYERS_CONTEXT, employerStreamId } from '@saeil/contracts';
import { commandResult, idempotencyOf } from '@saeil/runtime';
import { employerDecider } from '../../domain/employer.decider';
import { EmployerResult } from '../register-employer/register-employer.handler';
import { ProvideEmployerServiceCommand } from './provide-employer-service.command';

@CommandHandler(ProvideEmployerServiceCommand)
export class ProvideEmployerServiceHandler implements ICommandHandler<ProvideEmployerServiceCommand, EmployerResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: ProvideEmployerServiceCommand): Promise<EmployerResult> {
    const result = await handleCommand(this.store, employerDecider, {
      streamId: employerStreamId(input.employerId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'ProvideEmployerService', ...input, today: this.clock.today() },
      metadata,
      idempotency: idempotencyOf(metadata, 'ProvideEmployerService', input),
    });
    return { employerId: input.employerId, ...commandResult(result) };
  }
}
