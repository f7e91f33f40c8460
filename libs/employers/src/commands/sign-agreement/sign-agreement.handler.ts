import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, foldStream, handleCommand } from '@saeil/event-store';
import { agreementStreamId, EMPLOYERS_CONTEXT, employerStreamId } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { agreementDecider, EmployerFacts } from '../../domain/agreement.decider';
import { employerDecider } from '../../domain/employer.decider';
import { SignAgreementCommand } from './sign-agreement.command';

export class AgreementResult extends CommandResult {
  @ApiProperty()
  agreementId: string;
}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand, AgreementResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: SignAgreementCommand): Promise<AgreementResult> {
    const agreementId = randomUUID();
    const result = await handleCommand(this.store, agreementDecider, {
      streamId: agreementStreamId(agreementId),
      context: EMPLOYERS_CONTEXT,
      command: {
        type: 'SignAgreement',
        ...input,
        agreementId,
        employer: input.employerId ? await this.employerFacts(input.employerId) : undefined,
        today: this.clock.today(),
      },
      metadata,
      idempotency: idempotencyOf(metadata, 'SignAgreement', input),
    });
    return { agreementId: await idWritten(this.store, result, 'agreementId', agreementId), ...commandResult(result) };
  }

  /** Employers are never unregistered, so what is read here cannot be undone before the append. */
  private async employerFacts(employerId: string): Promise<EmployerFacts> {
    const employer = foldStream(employerDecider, await this.store.readStream(employerStreamId(employerId)));
    return { employerId, registered: employer.registered, name: employer.name };
  }
}
