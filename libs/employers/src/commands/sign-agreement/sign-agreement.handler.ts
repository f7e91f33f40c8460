import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppendResult, EventStore, foldStream, handleCommand } from '@saeil/event-store';
import { agreementStreamId, EMPLOYERS_CONTEXT, employerStreamId } from '@saeil/contracts';
import { idempotencyOf } from '@saeil/runtime';
import { agreementDecider, EmployerFacts } from '../../domain/agreement.decider';
import { employerDecider } from '../../domain/employer.decider';
import { CommandResult, todayInKorea } from '../command-support';
import { SignAgreementCommand } from './sign-agreement.command';

export interface AgreementResult extends CommandResult {
  agreementId: string;
}

export function agreementResult(result: AppendResult): AgreementResult {
  return { agreementId: result.streamId.replace(/^agreement-/, ''), streamVersion: result.streamVersion, position: result.globalPosition, duplicate: result.duplicate };
}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand, AgreementResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: SignAgreementCommand): Promise<AgreementResult> {
    const idempotency = idempotencyOf(metadata, 'SignAgreement', input);
    // A repeated key is answered with the first result, whose stream names the agreement.
    const earlier = idempotency && (await this.store.findIdempotentResult(idempotency));
    if (earlier) return agreementResult(earlier);
    const agreementId = randomUUID();
    const result = await handleCommand(this.store, agreementDecider, {
      streamId: agreementStreamId(agreementId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'SignAgreement', ...input, agreementId, employer: input.employerId ? await this.employerFacts(input.employerId) : undefined, today: todayInKorea() },
      metadata,
      idempotency,
    });
    return agreementResult(result);
  }

  /** Employers are never unregistered, so what is read here cannot be undone before the append. */
  private async employerFacts(employerId: string): Promise<EmployerFacts> {
    const employer = foldStream(employerDecider, await this.store.readStream(employerStreamId(employerId)));
    return { employerId, registered: employer.registered, name: employer.name };
  }
}
