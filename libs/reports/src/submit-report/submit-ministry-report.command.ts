import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { SubmitMinistryReportDto } from './submit-ministry-report.dto';
import { REPORT_READERS } from '@saeil/identity';

export class SubmitMinistryReportCommand {
  constructor(
    readonly input: SubmitMinistryReportDto,
    readonly metadata: EventMetadata,
  ) {}
}

/**
 * The center the submission acts for: the center itself, or the regional / central level (no
 * basic center writes a region's or the nation's report).
 */
export function submittingCenterOf(dto: Pick<SubmitMinistryReportDto, 'level' | 'scopeId'>): string {
  if (dto.level === 'center') return dto.scopeId ?? '';
  return dto.level === 'region' ? `region:${dto.scopeId ?? ''}` : 'central';
}

export const submitMinistryReport: CommandDefinition<SubmitMinistryReportDto> = {
  type: 'SubmitMinistryReport',
  dto: SubmitMinistryReportDto,
  access: { roles: [...REPORT_READERS], submitsLevel: true },
  centerOf: submittingCenterOf,
  levelOf: (dto) => ({ level: dto.level, id: dto.scopeId }),
  build: (dto, metadata) => new SubmitMinistryReportCommand(dto, metadata),
};
