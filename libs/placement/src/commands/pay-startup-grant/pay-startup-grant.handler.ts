import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, PlacementEvent, placementsStreamId, StartupGrantPaid } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { StartupSupportConfig } from '../../config/startup-support.config';
import { StartupResult } from '../start-startup/start-startup.handler';
import { PayStartupGrantCommand } from './pay-startup-grant.command';
import { bookTeamGrant } from './startup-grant-ledger';

@CommandHandler(PayStartupGrantCommand)
export class PayStartupGrantHandler implements ICommandHandler<PayStartupGrantCommand, StartupResult> {
  constructor(
    private readonly store: EventStore,
    private readonly config: StartupSupportConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: PayStartupGrantCommand): Promise<StartupResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const grantYear = input.grantYear ?? Number(input.paidOn.slice(0, 4));
    const budget = this.config.budgetFor(herCase.state.centerId ?? '', grantYear);
    // The grant decided on her stream is booked against her center's year in the same transaction.
    let decided: PlacementEvent[] = [];
    const deciding = {
      ...placementsDecider,
      decide: (...args: Parameters<typeof placementsDecider.decide>) => (decided = placementsDecider.decide(...args)),
    };
    const result = await handleCommand(this.store, deciding, {
      streamId: placementsStreamId(input.clientId),
      context: PLACEMENT_CONTEXT,
      command: { type: 'PayStartupGrant', ...input, grantYear, budget, case: herCase.state, today: this.clock.today() },
      metadata: actingFor(metadata, herCase.state.centerId),
      idempotency: idempotencyOf(metadata, 'PayStartupGrant', input),
      guards: [herCase.guard],
      inTransaction: async (runner) => {
        const paid = decided.find((e): e is StartupGrantPaid => e.type === 'StartupGrantPaid');
        if (paid) await bookTeamGrant(runner, paid.data, budget);
      },
    });
    return { startupId: input.startupId, ...commandResult(result) };
  }
}
