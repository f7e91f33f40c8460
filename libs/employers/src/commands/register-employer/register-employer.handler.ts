import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@saeil/event-store';
import { EMPLOYERS_CONTEXT, employerStreamId } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { employerDecider } from '../../domain/employer.decider';
import { businessNumberDigits, normalizeBusinessRegistrationNumber } from '../../domain/business-registration-number';
import { RegisterEmployerCommand } from './register-employer.command';
import { employerIdOf } from './employer-id';

export class EmployerResult extends CommandResult {
  @ApiProperty()
  employerId: string;
}

@CommandHandler(RegisterEmployerCommand)
export class RegisterEmployerHandler implements ICommandHandler<RegisterEmployerCommand, EmployerResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: RegisterEmployerCommand): Promise<EmployerResult> {
    const number =
      normalizeBusinessRegistrationNumber(input.businessRegistrationNumber) ?? input.businessRegistrationNumber;
    const employerId = employerIdOf(businessNumberDigits(number));
    const result = await handleCommand(this.store, employerDecider, {
      streamId: employerStreamId(employerId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'RegisterEmployer', ...input, employerId },
      metadata,
      idempotency: idempotencyOf(metadata, 'RegisterEmployer', input),
    });
    return { employerId, ...commandResult(result) };
  }
}
