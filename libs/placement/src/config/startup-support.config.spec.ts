import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StartupSupportConfig } from './startup-support.config';

const dir = mkdtempSync(path.join(tmpdir(), 'saeil-startup-support-'));
function file(content: unknown): string {
  const name = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

describe('startup-support configuration', () => {
  it('the shipped file gives every center 10 teams a year at 500,000 KRW each (seed 004)', () => {
    const config = StartupSupportConfig.load(path.resolve(__dirname, '../../../../config/startup-support.json'));
    expect(config.budgetFor('center-jinju', 2026)).toEqual({ capPerTeam: 500_000, teamsPerCenter: 10 });
  });

  it('a year entry overrides the default, a center entry overrides both', () => {
    const config = StartupSupportConfig.load(
      file({
        years: {
          '*': { capPerTeam: 500_000, teamsPerCenter: 10 },
          '2027': { capPerTeam: 600_000, teamsPerCenter: 12 },
        },
        centers: {
          'center-jinju': {
            '*': { capPerTeam: 500_000, teamsPerCenter: 15 },
            '2027': { capPerTeam: 700_000, teamsPerCenter: 5 },
          },
        },
      }),
    );
    expect(config.budgetFor('center-naju', 2026)).toEqual({ capPerTeam: 500_000, teamsPerCenter: 10 });
    expect(config.budgetFor('center-naju', 2027)).toEqual({ capPerTeam: 600_000, teamsPerCenter: 12 });
    expect(config.budgetFor('center-jinju', 2026)).toEqual({ capPerTeam: 500_000, teamsPerCenter: 15 });
    expect(config.budgetFor('center-jinju', 2027)).toEqual({ capPerTeam: 700_000, teamsPerCenter: 5 });
  });

  it('refuses a bad file naming the file and the field', () => {
    const negative = file({ years: { '*': { capPerTeam: -1, teamsPerCenter: 10 } } });
    expect(() => StartupSupportConfig.load(negative)).toThrow(`${negative}: years.*.capPerTeam`);
    const noDefault = file({ years: { '2026': { capPerTeam: 1, teamsPerCenter: 1 } } });
    expect(() => StartupSupportConfig.load(noDefault)).toThrow(`${noDefault}: years.*`);
    const badYear = file({
      years: { '*': { capPerTeam: 1, teamsPerCenter: 1 }, '26': { capPerTeam: 1, teamsPerCenter: 1 } },
    });
    expect(() => StartupSupportConfig.load(badYear)).toThrow(`${badYear}: years.26`);
    const typo = file({ years: { '*': { capPerTeam: 1, teamsPerCentre: 1 } } });
    expect(() => StartupSupportConfig.load(typo)).toThrow(/years\.\*\.(teamsPerCentre|teamsPerCenter)/);
    const broken = file('{ "years": ');
    expect(() => StartupSupportConfig.load(broken)).toThrow(`${broken}: cannot read`);
  });
});
