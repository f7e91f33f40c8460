import { SaeilError } from '@saeil/core';
import type { Decider, DomainEvent } from '@saeil/event-store';

export interface DeciderSpecOptions<E> {
  /** Runs on every event the decider produces, e.g. `assertMatchesContract` from '@saeil/testing/contract-validate'. */
  checkEvent?: (event: E) => void;
}

/**
 * Given/when/refusal helpers for a decider's spec:
 *   given(...events)          the state after folding the events with evolve from initialState
 *   when(command, history)    the events decided on that history (each passed to checkEvent)
 *   refusal(command, history) the SaeilError the command is refused with; anything else is rethrown,
 *                             and an accepted command fails the test
 */
export function deciderSpec<C extends { type: string }, S, E extends DomainEvent>(decider: Decider<C, S, E>, { checkEvent }: DeciderSpecOptions<E> = {}) {
  const given = (...events: E[]): S => events.reduce(decider.evolve, decider.initialState());

  function when(command: C, history: E[] = []): E[] {
    const events = decider.decide(command, given(...history));
    if (checkEvent) events.forEach((event) => checkEvent(event));
    return events;
  }

  function refusal(command: C, history: E[] = []): SaeilError {
    try {
      when(command, history);
    } catch (error) {
      if (error instanceof SaeilError) return error;
      throw error;
    }
    throw new Error(`${command.type} was accepted`);
  }

  return { given, when, refusal };
}
