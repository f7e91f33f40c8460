import { scopeProblems } from './roles';

const codes = (...args: Parameters<typeof scopeProblems>) => scopeProblems(...args).map((p) => `${p.field}:${p.code}`);

describe('role scope', () => {
  it('a counselor and a supervisor belong to one center, and to no region', () => {
    expect(codes('counselor', { centerId: 'center-naju' })).toEqual([]);
    expect(codes('supervisor', {})).toEqual(['centerId:requiredForRole']);
    expect(codes('counselor', { centerId: 'center-naju', region: '전라남도' })).toEqual(['region:notAllowedForRole']);
  });

  it('a regional supervisor has one 시·도 by its official name, and no center', () => {
    expect(codes('regional_supervisor', { region: '전라남도' })).toEqual([]);
    expect(codes('regional_supervisor', { region: '전남' })).toEqual(['region:unknownRegion']);
    expect(codes('regional_supervisor', {})).toEqual(['region:requiredForRole']);
    expect(codes('regional_supervisor', { region: '전라남도', centerId: 'center-naju' })).toEqual([
      'centerId:notAllowedForRole',
    ]);
  });

  it('the Ministry analyst and the administrator have neither center nor region', () => {
    expect(codes('ministry_analyst', {})).toEqual([]);
    expect(codes('administrator', { centerId: 'center-naju' })).toEqual(['centerId:notAllowedForRole']);
    expect(codes('ministry_analyst', { region: '서울특별시' })).toEqual(['region:notAllowedForRole']);
  });
});
