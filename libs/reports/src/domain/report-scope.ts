import { ValidationFailed } from '@saeil/core';
import { REPORT_LEVELS, ReportLevel } from '@saeil/contracts';

export interface ReportScope {
  level: ReportLevel;
  /** Center id or region name; absent for the nation. */
  scopeId?: string;
}

/** The scope a request names: a center or a region needs its id, the nation has none. */
export function reportScope(level: string, id: string | undefined): ReportScope {
  if (!(REPORT_LEVELS as readonly string[]).includes(level)) {
    throw new ValidationFailed([
      { field: 'level', code: 'isIn', message: `level must be one of ${REPORT_LEVELS.join(', ')}` },
    ]);
  }
  const given = id === undefined || id === '' ? undefined : id;
  if (level === 'nation') {
    if (given !== undefined)
      throw new ValidationFailed([{ field: 'id', code: 'notAllowed', message: 'the nation report has no id' }]);
    return { level };
  }
  if (given === undefined)
    throw new ValidationFailed([
      {
        field: 'id',
        code: 'isNotEmpty',
        message: `a ${level} report needs the ${level === 'center' ? 'center id' : 'region name'} (id)`,
      },
    ]);
  if (given.length > 100 || /[\u0000-\u001f]/.test(given))
    throw new ValidationFailed([
      { field: 'id', code: 'reportScopeId', message: 'id must be at most 100 printable characters' },
    ]);
  return { level: level as ReportLevel, scopeId: given };
}
