import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { agreementStreamId, EMPLOYERS_CONTEXT } from '@saeil/contracts';
import { actingFor, commandResult, idempotencyOf } from '@saeil/runtime';
import { agreementDecider } from '../../domain/agreement.decider';
import { AgreementResult } from '../sign-agreement/sign-agreement.handler';
import { readAgreement } from '../agreement-center';
import { RenewAgreementCommand } from './renew-agreement.command';

@CommandHandler(RenewAgreementCommand)
export class RenewAgreementHandler implements ICommandHandler<RenewAgreementCommand, AgreementResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RenewAgreementCommand): Promise<AgreementResult> {
    const { history, centerId } = await readAgreement(this.store, input.agreementId);
    const result = await handleCommand(this.store, agreementDecider, {
      streamId: agreementStreamId(input.agreementId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'RenewAgreement', ...input, today: this.clock.today() },
      metadata: actingFor(metadata, centerId),
      history,
      idempotency: idempotencyOf(metadata, 'RenewAgreement', input),
    });
    return { agreementId: input.agreementId, ...commandResult(result) };
  }
}
