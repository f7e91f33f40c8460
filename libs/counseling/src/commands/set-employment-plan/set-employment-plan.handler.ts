import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, counselingStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { clientCounselingDecider } from '../../domain/client-counseling.decider';
import { SetEmploymentPlanCommand } from './set-employment-plan.command';

export class EmploymentPlanResult extends CommandResult {
  @ApiProperty()
  clientId: string;
  @ApiProperty()
  planId: string;
}

@CommandHandler(SetEmploymentPlanCommand)
export class SetEmploymentPlanHandler implements ICommandHandler<SetEmploymentPlanCommand, EmploymentPlanResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: SetEmploymentPlanCommand): Promise<EmploymentPlanResult> {
    const loaded = await loadCase(this.store, input.clientId);
    const planId = randomUUID();
    const { nextAction, ...plan } = input;
    const result = await handleCommand(this.store, clientCounselingDecider, {
      streamId: counselingStreamId(input.clientId),
      context: COUNSELING_CONTEXT,
      command: {
        type: 'SetEmploymentPlan',
        ...plan,
        nextAction: { ...nextAction },
        planId,
        case: loaded.state,
        today: this.clock.today(),
      },
      metadata: actingFor(metadata, loaded.state.centerId),
      idempotency: idempotencyOf(metadata, 'SetEmploymentPlan', input),
      guards: [loaded.guard],
    });
    return {
      clientId: input.clientId,
      planId: await idWritten(this.store, result, 'planId', planId),
      ...commandResult(result),
    };
  }
}
