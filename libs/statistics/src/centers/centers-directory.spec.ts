import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CentersDirectory, UNASSIGNED_REGION } from './centers-directory';

describe('centers directory (config/centers.json)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'saeil-centers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };

  it('the shipped file lists the centers the tests use, each in its 시·도', () => {
    const directory = CentersDirectory.load(path.resolve(__dirname, '../../../../config/centers.json'));
    expect(directory.regionOf('center-naju')).toBe('전라남도');
    expect(directory.regionOf('center-jinju')).toBe('경상남도');
    expect(directory.regionOf('center-sacheon')).toBe('경상남도');
    for (const id of ['center-yeongam', 'center-jangseong', 'center-hwasun'])
      expect(directory.regionOf(id)).toBe('전라남도');
    expect(directory.get('center-naju')).toEqual({
      centerId: 'center-naju',
      name: '나주여성새로일하기센터',
      level: 'basic',
      region: '전라남도',
      municipality: '나주시',
    });
    expect(directory.get('center-gangnam')?.municipality).toBe('강남구');
    expect(directory.all().length).toBeGreaterThanOrEqual(10);
  });

  it("a center it does not list rolls up under '미지정'", () => {
    const directory = new CentersDirectory([
      { centerId: 'center-naju', name: '나주', level: 'basic', region: '전라남도' },
    ]);
    expect(directory.regionOf('center-atlantis')).toBe(UNASSIGNED_REGION);
    expect(directory.isRegion('미지정')).toBe(true);
    expect(directory.isRegion('전라남도')).toBe(true);
    expect(directory.isRegion('전남')).toBe(false);
  });

  it('a bad file stops the start, naming the file and the field', () => {
    const badRegion = file('region.json', { centers: { 'center-x': { name: 'X', level: 'basic', region: '전남' } } });
    expect(() => CentersDirectory.load(badRegion)).toThrow(`${badRegion}: centers.center-x.region`);
    const badLevel = file('level.json', {
      centers: { 'center-x': { name: 'X', level: 'central', region: '전라남도' } },
    });
    expect(() => CentersDirectory.load(badLevel)).toThrow(`${badLevel}: centers.center-x.level`);
    const badMunicipality = file('municipality.json', {
      centers: { 'center-x': { name: 'X', level: 'basic', region: '전라남도', municipality: '나주' } },
    });
    expect(() => CentersDirectory.load(badMunicipality)).toThrow(`${badMunicipality}: centers.center-x.municipality`);
    const noName = file('name.json', { centers: { 'center-x': { level: 'basic', region: '전라남도' } } });
    expect(() => CentersDirectory.load(noName)).toThrow(`${noName}: centers.center-x.name`);
    const typo = file('typo.json', {
      centers: { 'center-x': { name: 'X', level: 'basic', region: '전라남도', regoin: '전라남도' } },
    });
    expect(() => CentersDirectory.load(typo)).toThrow(`${typo}: centers.center-x.regoin`);
    const badId = file('id.json', { centers: { 'center x': { name: 'X', level: 'basic', region: '전라남도' } } });
    expect(() => CentersDirectory.load(badId)).toThrow(`${badId}: centers.center x`);
    const empty = file('empty.json', { centers: {} });
    expect(() => CentersDirectory.load(empty)).toThrow(`${empty}: centers`);
    const broken = file('broken.json', '{ "centers": ');
    expect(() => CentersDirectory.load(broken)).toThrow(`${broken}: cannot read`);
    expect(() => CentersDirectory.load(path.join(dir, 'missing.json'))).toThrow('cannot read');
  });
});
