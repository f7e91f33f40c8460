import { isAfter } from './published-tail';

describe('commit order of an event against the relay checkpoint', () => {
  const checkpoint = { transactionId: '9007199254740993', globalPosition: 40 }; // a transaction id past 2^53: xid8 counts epochs too

  it('orders by transaction id first, exactly beyond 2^53', () => {
    expect(isAfter({ transactionId: '9007199254740994', globalPosition: 1 }, checkpoint)).toBe(true);
    expect(isAfter({ transactionId: '9007199254740992', globalPosition: 99 }, checkpoint)).toBe(false);
  });

  it('within one transaction, by global position; the checkpoint itself is not after itself', () => {
    expect(isAfter({ transactionId: '9007199254740993', globalPosition: 41 }, checkpoint)).toBe(true);
    expect(isAfter({ transactionId: '9007199254740993', globalPosition: 40 }, checkpoint)).toBe(false);
    expect(isAfter({ transactionId: '9007199254740993', globalPosition: 39 }, checkpoint)).toBe(false);
  });

  it('every event is after the start', () => {
    expect(isAfter({ transactionId: '1', globalPosition: 1 }, { transactionId: '0', globalPosition: 0 })).toBe(true);
  });
});
