import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@saeil/event-store';
import { agreementStreamId, EMPLOYERS_CONTEXT } from '@saeil/contracts';
import { idempotencyOf } from '@saeil/runtime';
import { agreementDecider } from '../../domain/agreement.decider';
import { todayInKorea } from '../command-support';
import { AgreementResult, agreementResult } from '../sign-agreement/sign-agreement.handler';
import { atTheAgreementsCenter } from '../agreement-center';
import { RenewAgreementCommand } from './renew-agreement.command';

@CommandHandler(RenewAgreementCommand)
export class RenewAgreementHandler implements ICommandHandler<RenewAgreementCommand, AgreementResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: RenewAgreementCommand): Promise<AgreementResult> {
    const result = await handleCommand(this.store, agreementDecider, {
      streamId: agreementStreamId(input.agreementId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'RenewAgreement', ...input, today: todayInKorea() },
      metadata: await atTheAgreementsCenter(this.store, input.agreementId, metadata),
      idempotency: idempotencyOf(metadata, 'RenewAgreement', input),
    });
    return agreementResult(result);
  }
}
