import { assertMatchesContract } from '@saeil/contracts/validate';
import { RuleViolation } from '@saeil/core';
import { clientDecider, RegisterClient } from './client.decider';

const register: RegisterClient = {
  type: 'RegisterClient',
  clientId: '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11',
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  name: ' 김영희 ',
  birthDate: '1988-03-14',
  phone: '010-1234-5678',
  today: '2026-11-22',
};

function given(...events: Parameters<typeof clientDecider.evolve>[1][]) {
  return events.reduce(clientDecider.evolve, clientDecider.initialState());
}

describe('client decider', () => {
  it('given no history, when registering, then ClientRegistered carries her intake data (name trimmed)', () => {
    expect(clientDecider.decide(register, given())).toEqual([
      {
        type: 'ClientRegistered',
        data: { clientId: register.clientId, centerId: 'center-naju', counselorId: 'counselor-kim', name: '김영희', birthDate: '1988-03-14', phone: '010-1234-5678' },
      },
    ]);
  });

  it('given she is registered, when registering again, then CLIENT_ALREADY_REGISTERED', () => {
    const [registered] = clientDecider.decide(register, given());
    expect(() => clientDecider.decide(register, given(registered))).toThrow(expect.objectContaining({ code: 'CLIENT_ALREADY_REGISTERED' }));
  });

  it.each([
    ['2012-11-23', 13],
    ['1920-01-01', 106],
  ])('refuses a birth date %s (age %i) outside 15–100 with BIRTH_DATE_IMPLAUSIBLE', (birthDate, age) => {
    let error: unknown;
    try {
      clientDecider.decide({ ...register, birthDate }, given());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).code).toBe('BIRTH_DATE_IMPLAUSIBLE');
    expect((error as RuleViolation).details).toEqual({ age });
  });

  it('counts age in full years: the day before her 15th birthday is refused, the birthday itself accepted', () => {
    expect(() => clientDecider.decide({ ...register, birthDate: '2011-11-23' }, given())).toThrow(RuleViolation);
    expect(clientDecider.decide({ ...register, birthDate: '2011-11-22' }, given())).toHaveLength(1);
  });
});

describe('client events match their published contract', () => {
  it('ClientRegistered', () => {
    for (const event of clientDecider.decide(register, given())) assertMatchesContract(event);
  });
});
