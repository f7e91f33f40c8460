import { SaeilError } from '@saeil/core';
import type { Decider, DomainEvent } from '@saeil/event-store';

export interface DeciderSpecOptions<E> {
  /** Runs on every event the decider produces, e.g. `assertMatchesContract` from '@saeil/testing/contract-validate'. */
  checkEvent?: (event: E) => void;
}

/** What a command decided on a history, asserted one way. Nothing is decided until one of these is called. */
export interface WhenCommand<E> {
  /** The command is accepted and decides exactly these events (toEqual). */
  then(expected: readonly E[]): void;
  /**
   * The command is refused with a SaeilError of this code; with `details`, the error's details equal
   * them (toEqual: pass `expect.objectContaining({ field: 'x' })` to match only some). Returns the
   * error for anything more (its class, kind, message, fields). An accepted command fails the test
   * naming the events it decided; an error that is not a SaeilError is rethrown.
   */
  thenRefuses(code: string, details?: unknown): SaeilError;
  /** The events decided (each passed to checkEvent), for partial matching; any error is thrown as is. */
  events(): E[];
}

export interface GivenHistory<C, S, E> {
  when(command: C): WhenCommand<E>;
  /** The state after folding the history with evolve from initialState. */
  state(): S;
}

/**
 * A decider's spec in one fluent form:
 *   const spec = deciderSpec(decider, { checkEvent: assertMatchesContract });
 *   spec.given(...history).when(command).then([...events]);
 *   spec.given(...history).when(command).thenRefuses('CODE', { field: 'x' });
 *   spec.when(command).events()          // no history; the events, for toMatchObject and the like
 *   spec.given(...history).state()       // the folded state
 * Every event decided is passed to checkEvent, whichever way the outcome is asserted.
 */
export function deciderSpec<C extends { type: string }, S, E extends DomainEvent>(
  decider: Decider<C, S, E>,
  { checkEvent }: DeciderSpecOptions<E> = {},
) {
  const fold = (history: readonly E[]): S => history.reduce(decider.evolve, decider.initialState());

  function decide(command: C, history: readonly E[]): E[] {
    const events = decider.decide(command, fold(history));
    if (checkEvent) events.forEach((event) => checkEvent(event));
    return events;
  }

  function whenCommand(history: readonly E[], command: C): WhenCommand<E> {
    return {
      then(expected) {
        expect(decide(command, history)).toEqual(expected);
      },
      thenRefuses(code, ...rest) {
        let events: E[];
        try {
          events = decide(command, history);
        } catch (error) {
          if (!(error instanceof SaeilError)) throw error;
          if (error.code !== code)
            throw new Error(`${command.type} was refused with ${error.code} (${error.message}), not ${code}`, {
              cause: error,
            });
          if (rest.length > 0) {
            const details = (error as SaeilError & { details?: unknown }).details;
            try {
              expect(details).toEqual(rest[0]);
            } catch (mismatch) {
              if (mismatch instanceof Error)
                mismatch.message = `${command.type} was refused with ${code} as expected, but with other details:\n${mismatch.message}`;
              throw mismatch;
            }
          }
          return error;
        }
        const decided = events.length === 0 ? 'no events' : events.map((event) => JSON.stringify(event)).join(', ');
        throw new Error(`${command.type} was accepted, not refused with ${code}: it decided ${decided}`);
      },
      events: () => decide(command, history),
    };
  }

  function given(...history: E[]): GivenHistory<C, S, E> {
    return { when: (command) => whenCommand(history, command), state: () => fold(history) };
  }

  return { given, when: (command: C) => given().when(command) };
}
