import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { decideAgainOnConflict, EventStore, handleCommand } from '@saeil/event-store';
import { placementsStreamId, PROGRAMS_CONTEXT, retentionProgramStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { retentionProgramDecider } from '../../domain/retention-program.decider';
import { placementsOf } from '../../domain/placed-client';
import { readProgram } from '../program-stream';
import { ProvideRetentionBenefitCommand } from './provide-retention-benefit.command';
import { ProvideRetentionBenefitDto } from './provide-retention-benefit.dto';

export class ProvideRetentionBenefitResult extends CommandResult {
  @ApiProperty()
  programId: string;
  /** True when the milestone plan was full and the override was recorded. */
  @ApiProperty({ description: 'True when the milestone plan was full and the override was recorded.' })
  overPlan: boolean;
}

/**
 * Every benefit of a program is appended to the program's stream at the version read, so two
 * counselors racing for the last slot of a milestone cannot both get it. A conflict only means
 * someone else wrote first: the command is decided again on the new history (a few times), so the
 * loser of the race gets the plan's answer (PROGRAM_PLAN_EXCEEDED) instead of a bare 409.
 */
@CommandHandler(ProvideRetentionBenefitCommand)
export class ProvideRetentionBenefitHandler implements ICommandHandler<
  ProvideRetentionBenefitCommand,
  ProvideRetentionBenefitResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: ProvideRetentionBenefitCommand): Promise<ProvideRetentionBenefitResult> {
    return decideAgainOnConflict(() => this.once(input, metadata));
  }

  private async once(
    input: ProvideRetentionBenefitDto,
    metadata: ProvideRetentionBenefitCommand['metadata'],
  ): Promise<ProvideRetentionBenefitResult> {
    const [{ history, state }, herCase, placementHistory] = await Promise.all([
      readProgram(this.store, input.programId),
      loadCase(this.store, input.clientId),
      this.store.readStream(placementsStreamId(input.clientId)),
    ]);
    const placementGuard = {
      streamId: placementsStreamId(input.clientId),
      expectedVersion: placementHistory.length === 0 ? 0 : placementHistory[placementHistory.length - 1].streamVersion,
    };
    const result = await handleCommand(this.store, retentionProgramDecider, {
      streamId: retentionProgramStreamId(input.programId),
      context: PROGRAMS_CONTEXT,
      command: {
        type: 'ProvideRetentionBenefit',
        ...input,
        case: herCase.state,
        placement: placementsOf(placementHistory)[input.placementId],
        today: this.clock.today(),
      },
      metadata: actingFor(metadata, state.centerId),
      history,
      idempotency: idempotencyOf(metadata, 'ProvideRetentionBenefit', input),
      // Her case closed, consent withdrawn or the placement voided meanwhile: a conflict, decided again.
      guards: [herCase.guard, placementGuard],
    });
    const written = result.duplicate ? await this.store.readEvent(result.globalPosition) : undefined;
    const overPlan = written
      ? Boolean((written.data as { overPlan?: unknown }).overPlan)
      : state.use[input.n].given >= (state.plan?.milestones.find((m) => m.n === input.n)?.plannedClients ?? 0);
    return { programId: input.programId, overPlan, ...commandResult(result) };
  }
}
