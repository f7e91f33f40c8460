import { NotFound, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/event-store';
import { deciderSpec } from './decider-spec';

/** A counter that can be opened once and added to: enough to make each outcome of the helper happen. */
type Command = { type: 'Open' } | { type: 'Add'; amount: number };
type Event = { type: 'Opened'; data: Record<string, never> } | { type: 'Added'; data: { amount: number } };
type State = { open: boolean; total: number };

const counter: Decider<Command, State, Event> = {
  initialState: () => ({ open: false, total: 0 }),
  evolve: (state, event) =>
    event.type === 'Opened' ? { ...state, open: true } : { ...state, total: state.total + event.data.amount },
  decide(command, state) {
    if (command.type === 'Open') {
      if (state.open)
        throw new RuleViolation('ALREADY_OPEN', '이미 열려 있습니다.', { total: state.total, field: 'type' });
      return [{ type: 'Opened', data: {} }];
    }
    if (!state.open) throw new NotFound('counter', 'c-1');
    if (Number.isNaN(command.amount)) throw new TypeError('amount is not a number');
    if (command.amount === 0) return [];
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
};

const opened: Event = { type: 'Opened', data: {} };
const add = (amount: number): Command => ({ type: 'Add', amount });
const spec = deciderSpec(counter);

describe('deciderSpec: given', () => {
  it('folds the history with evolve from initialState', () => {
    expect(spec.given().state()).toEqual({ open: false, total: 0 });
    expect(
      spec.given(opened, { type: 'Added', data: { amount: 2 } }, { type: 'Added', data: { amount: 3 } }).state(),
    ).toEqual({ open: true, total: 5 });
  });

  it('decides on that history: the same command is accepted on one and refused on another', () => {
    spec.when({ type: 'Open' }).then([opened]);
    spec.given(opened).when({ type: 'Open' }).thenRefuses('ALREADY_OPEN');
  });
});

describe('deciderSpec: then', () => {
  it('passes on exactly the events decided, and on none when none were', () => {
    spec
      .given(opened)
      .when(add(2))
      .then([{ type: 'Added', data: { amount: 2 } }]);
    spec.given(opened).when(add(0)).then([]);
  });

  it('fails on other events, on a missing or an extra event', () => {
    expect(() =>
      spec
        .given(opened)
        .when(add(2))
        .then([{ type: 'Added', data: { amount: 3 } }]),
    ).toThrow(/toEqual/);
    expect(() => spec.given(opened).when(add(2)).then([])).toThrow(/toEqual/);
    expect(() =>
      spec
        .given(opened)
        .when(add(0))
        .then([{ type: 'Added', data: { amount: 0 } }]),
    ).toThrow(/toEqual/);
  });

  it('fails when the command is refused, with the refusal', () => {
    expect(() => spec.when(add(2)).then([])).toThrow(NotFound);
  });
});

describe('deciderSpec: thenRefuses', () => {
  it('passes on the code and returns the error', () => {
    const error = spec.when(add(1)).thenRefuses('NOT_FOUND');
    expect(error).toBeInstanceOf(NotFound);
    expect(spec.given(opened).when({ type: 'Open' }).thenRefuses('ALREADY_OPEN').message).toBe('이미 열려 있습니다.');
  });

  it('fails on another code, naming both', () => {
    expect(() => spec.given(opened).when({ type: 'Open' }).thenRefuses('NOT_FOUND')).toThrow(
      'Open was refused with ALREADY_OPEN (이미 열려 있습니다.), not NOT_FOUND',
    );
  });

  it('fails when the command is accepted, naming the events it decided', () => {
    expect(() => spec.given(opened).when(add(2)).thenRefuses('ALREADY_OPEN')).toThrow(
      'Add was accepted, not refused with ALREADY_OPEN: it decided {"type":"Added","data":{"amount":2}}',
    );
    expect(() => spec.given(opened).when(add(0)).thenRefuses('ALREADY_OPEN')).toThrow(
      'Add was accepted, not refused with ALREADY_OPEN: it decided no events',
    );
  });

  it('with details, needs them equal; expect.objectContaining matches some of them', () => {
    const refused = spec.given(opened).when({ type: 'Open' });
    refused.thenRefuses('ALREADY_OPEN', { total: 0, field: 'type' });
    refused.thenRefuses('ALREADY_OPEN', expect.objectContaining({ field: 'type' }));
    expect(() => refused.thenRefuses('ALREADY_OPEN', { field: 'type' })).toThrow(
      /refused with ALREADY_OPEN as expected, but with other details/,
    );
    expect(() => refused.thenRefuses('ALREADY_OPEN', { total: 1, field: 'type' })).toThrow(/other details/);
    expect(() => refused.thenRefuses('ALREADY_OPEN', expect.objectContaining({ field: 'amount' }))).toThrow(
      /other details/,
    );
  });

  it('with details, fails on an error that has none', () => {
    expect(() => spec.when(add(1)).thenRefuses('NOT_FOUND', { field: 'counterId' })).toThrow(/other details/);
  });

  it('rethrows an error that is not a SaeilError (a programming error is no refusal)', () => {
    expect(() => spec.given(opened).when(add(Number.NaN)).thenRefuses('ALREADY_OPEN')).toThrow(TypeError);
  });
});

describe('deciderSpec: events', () => {
  it('returns the events decided, and throws any error as is', () => {
    expect(spec.given(opened).when(add(4)).events()).toEqual([{ type: 'Added', data: { amount: 4 } }]);
    expect(() => spec.given(opened).when(add(Number.NaN)).events()).toThrow('amount is not a number');
    expect(() => spec.when(add(1)).events()).toThrow(NotFound);
  });
});

describe('deciderSpec: checkEvent', () => {
  it('sees every event decided, whichever way the outcome is asserted', () => {
    const seen: Event[] = [];
    const checked = deciderSpec(counter, { checkEvent: (event) => seen.push(event) });
    checked.when({ type: 'Open' }).then([opened]);
    checked.given(opened).when(add(5)).events();
    expect(() => checked.given(opened).when(add(6)).thenRefuses('ALREADY_OPEN')).toThrow(/was accepted/);
    expect(seen).toEqual([opened, { type: 'Added', data: { amount: 5 } }, { type: 'Added', data: { amount: 6 } }]);
  });

  it('a failing check fails then, events and thenRefuses', () => {
    const strict = deciderSpec(counter, {
      checkEvent: (event) => {
        if (event.type === 'Added' && event.data.amount > 9)
          throw new Error(`Added ${event.data.amount} breaks its contract`);
      },
    });
    expect(() =>
      strict
        .given(opened)
        .when(add(10))
        .then([{ type: 'Added', data: { amount: 10 } }]),
    ).toThrow('Added 10 breaks its contract');
    expect(() => strict.given(opened).when(add(10)).events()).toThrow('Added 10 breaks its contract');
    expect(() => strict.given(opened).when(add(10)).thenRefuses('ALREADY_OPEN')).toThrow(
      'Added 10 breaks its contract',
    );
    strict
      .given(opened)
      .when(add(9))
      .then([{ type: 'Added', data: { amount: 9 } }]);
  });
});
