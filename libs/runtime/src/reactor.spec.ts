import pino from 'pino';
import { ConcurrencyConflict, NotFound, RuleViolation, systemClock } from '@saeil/core';
import type { StoredEvent } from '@saeil/event-store';
import { RetryLater } from '@saeil/projections';
import { Reactor, reactionKey, reactorProjection, WorkerServices } from './reactor';

const event = { eventId: 'e-1', type: 'EmploymentStarted' } as StoredEvent;
const services = { clock: systemClock, logger: pino({ level: 'silent' }) } as unknown as WorkerServices;
const ctx = { query: async () => [], table: (t: string) => t };

function reactorThatThrows(error: unknown): Reactor {
  return {
    name: 'r',
    contexts: ['placement'],
    eventTypes: ['EmploymentStarted'],
    react: async () => Promise.reject(error),
  };
}

describe('reactor as the feeds see it', () => {
  it('owns no tables (so the rebuilder refuses it) and follows the same contexts and event types', () => {
    const projection = reactorProjection(reactorThatThrows(undefined), services);
    expect(projection).toMatchObject({
      name: 'r',
      tables: [],
      contexts: ['placement'],
      eventTypes: ['EmploymentStarted'],
    });
  });

  it('hands the event and the services to react', async () => {
    const seen: unknown[] = [];
    const reactor: Reactor = { name: 'r', contexts: [], eventTypes: [], react: async (e, s) => void seen.push(e, s) };
    await reactorProjection(reactor, services).apply(event, ctx);
    expect(seen).toEqual([event, services]);
  });

  it.each([
    ['a broken rule', new RuleViolation('DATES_OUT_OF_ORDER', 'x')],
    ['an unknown record', new NotFound('구직자', 'c-1')],
    ['a concurrent writer', new ConcurrencyConflict('s', 1, 2)],
  ])('passes %s on as it is: retried, then dead-lettered if it persists', async (_, error) => {
    await expect(reactorProjection(reactorThatThrows(error), services).apply(event, ctx)).rejects.toBe(error);
  });

  it('turns any other failure (the database went away) into RetryLater: the batch is tried again, the event is not skipped', async () => {
    const failure = new Error('Connection terminated unexpectedly');
    const thrown = await reactorProjection(reactorThatThrows(failure), services)
      .apply(event, ctx)
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(RetryLater);
    expect((thrown as RetryLater).cause).toBe(failure);
  });

  it('keys a reaction by reactor and causing event', () => {
    expect(reactionKey('retention-placement-reactions', event)).toBe('reaction:retention-placement-reactions:e-1');
  });
});
