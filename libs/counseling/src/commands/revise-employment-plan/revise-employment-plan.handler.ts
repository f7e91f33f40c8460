import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, counselingStreamId } from '@saeil/contracts';
import type { EmploymentPlanContent } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { clientCounselingDecider } from '../../domain/client-counseling.decider';
import { ReviseEmploymentPlanCommand } from './revise-employment-plan.command';

export class ReviseEmploymentPlanResult extends CommandResult {
  @ApiProperty()
  clientId: string;
  @ApiProperty()
  planId: string;
  @ApiProperty()
  revision: number;
}

@CommandHandler(ReviseEmploymentPlanCommand)
export class ReviseEmploymentPlanHandler implements ICommandHandler<
  ReviseEmploymentPlanCommand,
  ReviseEmploymentPlanResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: ReviseEmploymentPlanCommand): Promise<ReviseEmploymentPlanResult> {
    const loaded = await loadCase(this.store, input.clientId);
    const { clientId, reason, revisedOn, goals, desiredOccupation, plannedServices, nextAction } = input;
    const changes: Partial<EmploymentPlanContent> = {
      ...(goals ? { goals } : {}),
      ...(desiredOccupation != null ? { desiredOccupation } : {}),
      ...(plannedServices ? { plannedServices } : {}),
      ...(nextAction ? { nextAction: { description: nextAction.description, dueOn: nextAction.dueOn } } : {}),
    };
    const result = await handleCommand(this.store, clientCounselingDecider, {
      streamId: counselingStreamId(clientId),
      context: COUNSELING_CONTEXT,
      command: {
        type: 'ReviseEmploymentPlan',
        clientId,
        changes,
        reason,
        revisedOn,
        case: loaded.state,
        today: this.clock.today(),
      },
      metadata: actingFor(metadata, loaded.state.centerId),
      idempotency: idempotencyOf(metadata, 'ReviseEmploymentPlan', input),
      guards: [loaded.guard],
    });
    // The revision written (now, or by the first request with this Idempotency-Key).
    const written = await this.store.readEvent(result.globalPosition);
    const data = written?.data as { planId: string; revision: number };
    return { clientId, planId: data.planId, revision: data.revision, ...commandResult(result) };
  }
}
