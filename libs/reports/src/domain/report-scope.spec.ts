import { ValidationFailed } from '@saeil/core';
import { reportScope } from './report-scope';

const fieldOf = (level: string, id?: string) => {
  try {
    reportScope(level, id);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fields.map((f) => `${f.field}:${f.code}`);
    throw error;
  }
  return [];
};

describe('report scope', () => {
  it('a center or a region needs its id; the nation has none', () => {
    expect(reportScope('center', 'center-naju')).toEqual({ level: 'center', scopeId: 'center-naju' });
    expect(reportScope('region', '전라남도')).toEqual({ level: 'region', scopeId: '전라남도' });
    expect(reportScope('nation', undefined)).toEqual({ level: 'nation' });
    expect(reportScope('nation', '')).toEqual({ level: 'nation' });
  });

  it('refuses what is not a scope, naming the field', () => {
    expect(fieldOf('province', 'x')).toEqual(['level:isIn']);
    expect(fieldOf('center')).toEqual(['id:isNotEmpty']);
    expect(fieldOf('region', '')).toEqual(['id:isNotEmpty']);
    expect(fieldOf('nation', 'kr')).toEqual(['id:notAllowed']);
    expect(fieldOf('center', 'x'.repeat(101))).toEqual(['id:reportScopeId']);
  });
});
