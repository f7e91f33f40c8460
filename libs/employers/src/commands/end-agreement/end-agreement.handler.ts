import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { agreementStreamId, EMPLOYERS_CONTEXT } from '@saeil/contracts';
import { actingFor, commandResult, idempotencyOf } from '@saeil/runtime';
import { agreementDecider } from '../../domain/agreement.decider';
import { readAgreement } from '../agreement-center';
import { AgreementResult } from '../sign-agreement/sign-agreement.handler';
import { EndAgreementCommand } from './end-agreement.command';

@CommandHandler(EndAgreementCommand)
export class EndAgreementHandler implements ICommandHandler<EndAgreementCommand, AgreementResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: EndAgreementCommand): Promise<AgreementResult> {
    const { history, centerId } = await readAgreement(this.store, input.agreementId);
    const result = await handleCommand(this.store, agreementDecider, {
      streamId: agreementStreamId(input.agreementId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'EndAgreement', ...input, today: this.clock.today() },
      metadata: actingFor(metadata, centerId),
      history,
      idempotency: idempotencyOf(metadata, 'EndAgreement', input),
    });
    return { agreementId: input.agreementId, ...commandResult(result) };
  }
}
