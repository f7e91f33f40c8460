import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@saeil/event-store';
import { agreementStreamId, EMPLOYERS_CONTEXT } from '@saeil/contracts';
import { idempotencyOf } from '@saeil/runtime';
import { agreementDecider } from '../../domain/agreement.decider';
import { todayInKorea } from '../command-support';
import { atTheAgreementsCenter } from '../agreement-center';
import { AgreementResult, agreementResult } from '../sign-agreement/sign-agreement.handler';
import { EndAgreementCommand } from './end-agreement.command';

@CommandHandler(EndAgreementCommand)
export class EndAgreementHandler implements ICommandHandler<EndAgreementCommand, AgreementResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: EndAgreementCommand): Promise<AgreementResult> {
    const result = await handleCommand(this.store, agreementDecider, {
      streamId: agreementStreamId(input.agreementId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'EndAgreement', ...input, today: todayInKorea() },
      metadata: await atTheAgreementsCenter(this.store, input.agreementId, metadata),
      idempotency: idempotencyOf(metadata, 'EndAgreement', input),
    });
    return agreementResult(result);
  }
}
