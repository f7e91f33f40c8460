import { RuleViolation, ValidationFailed } from './errors/domain-errors';
import { validateDto } from './http/validation';
import {
  addDays,
  addMonths,
  addYears,
  isCalendarDay,
  IsDateOnly,
  occurredAtOfDay,
  requireInOrder,
  requireNotInFuture,
  todayInKorea,
} from './dates';

describe('today on the Korean calendar', () => {
  it('is the next day in Korea from 15:00 UTC on: 2026-11-21T15:30:00Z is 2026-11-22 in Korea', () => {
    expect(todayInKorea(new Date('2026-11-21T15:30:00Z'))).toBe('2026-11-22');
    expect(todayInKorea(new Date('2026-11-21T14:59:59.999Z'))).toBe('2026-11-21');
    expect(todayInKorea(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
  });

  it('crosses months and years at Korean midnight (a New Year’s morning in Seoul is still 31 December in UTC)', () => {
    expect(todayInKorea(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
    expect(todayInKorea(new Date('2026-02-28T16:00:00Z'))).toBe('2026-03-01');
  });
});

describe('occurredAt of a command dated by a day', () => {
  it('is that day with no time of day, so its date part is exactly the Korean date the counselor entered', () => {
    expect(occurredAtOfDay('2026-11-22')).toBe('2026-11-22T00:00:00.000Z');
    expect(new Date(occurredAtOfDay('2024-02-29')).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('keeps the Korean date of a record made just after Korean midnight (not the UTC date, which is the day before)', () => {
    const justAfterMidnightInSeoul = new Date('2026-11-21T15:30:00Z');
    expect(occurredAtOfDay(todayInKorea(justAfterMidnightInSeoul)).slice(0, 10)).toBe('2026-11-22');
  });
});

describe('dates that must not be in the future', () => {
  it('accepts today and past days, refuses tomorrow with DATE_IN_FUTURE naming the field', () => {
    expect(() => requireNotInFuture('heldOn', '2026-11-22', '2026-11-22')).not.toThrow();
    expect(() => requireNotInFuture('heldOn', '2025-01-01', '2026-11-22')).not.toThrow();
    let refusal: unknown;
    try {
      requireNotInFuture('heldOn', '2026-11-23', '2026-11-22');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RuleViolation);
    expect(refusal).toMatchObject({
      code: 'DATE_IN_FUTURE',
      details: { field: 'heldOn', date: '2026-11-23', today: '2026-11-22' },
    });
  });

  it('refuses a later date before an earlier one (DATES_OUT_OF_ORDER), and the same day only when strictly after is required', () => {
    expect(() => requireInOrder('startOn', '2026-03-02', 'endedOn', '2026-03-01')).toThrow(
      expect.objectContaining({
        code: 'DATES_OUT_OF_ORDER',
        details: { startOn: '2026-03-02', endedOn: '2026-03-01' },
      }),
    );
    expect(() => requireInOrder('startOn', '2026-03-02', 'endedOn', '2026-03-02')).not.toThrow();
    expect(() => requireInOrder('termStart', '2026-03-02', 'termEnd', '2026-03-02', true)).toThrow(
      expect.objectContaining({ code: 'DATES_OUT_OF_ORDER' }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('adds months and years to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-03-02', 2)).toBe('2028-03-02');
  });
});

class Dated {
  @IsDateOnly()
  signedOn: string;
}

describe('IsDateOnly', () => {
  const fieldsOf = (plain: object) => {
    try {
      validateDto(Dated, plain);
      return [];
    } catch (error) {
      return (error as ValidationFailed).fields;
    }
  };

  it('accepts a YYYY-MM-DD date that exists', () => {
    expect(validateDto(Dated, { signedOn: '2024-02-29' }).signedOn).toBe('2024-02-29');
  });

  it('refuses a date that does not exist, another format, a timestamp or a number, on the field', () => {
    for (const signedOn of ['2026-02-30', '2026-2-3', '2026-11-22T00:00:00Z', 20261122]) {
      const fields = fieldsOf({ signedOn });
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.every((f) => f.field === 'signedOn')).toBe(true);
    }
    expect(fieldsOf({ signedOn: '2026-02-30' })).toEqual([
      expect.objectContaining({
        code: 'isDateOnly',
        message: '체결일은 1900-01-01부터 2099-12-31 사이의 실제 날짜(YYYY-MM-DD)여야 합니다.',
      }),
    ]);
    expect(fieldsOf({ signedOn: '22.11.2026' })).toEqual([
      expect.objectContaining({ field: 'signedOn', code: 'isDateOnly' }),
    ]);
  });

  // Found by the security probe (issue 13): `?nextActionDueBefore=2025-02-30` reached a SQL date cast.
  it('refuses impossible and extreme days: no 30 February, no 29 February in a common year, nothing outside 1900–2099', () => {
    for (const signedOn of [
      '2024-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-01-00',
      '0000-01-01',
      '1899-12-31',
      '2100-01-01',
      '9999-12-31',
      '+275760-09-13',
      '2026-01-01\n',
    ]) {
      expect([signedOn, fieldsOf({ signedOn })]).toEqual([
        signedOn,
        [expect.objectContaining({ field: 'signedOn', code: 'isDateOnly' })],
      ]);
    }
    for (const signedOn of ['1900-01-01', '2000-02-29', '2024-02-29', '2099-12-31'])
      expect(validateDto(Dated, { signedOn }).signedOn).toBe(signedOn);
    expect(isCalendarDay('2026-12-31')).toBe(true);
    expect(isCalendarDay(20261231)).toBe(false);
  });
});
