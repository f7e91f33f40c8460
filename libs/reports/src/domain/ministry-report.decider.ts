import { RuleViolation } from '@saeil/core';
import type { MinistryReportFigures, MinistryReportSubmittedV1, ReportLevel } from '@saeil/contracts';
import type { Decider } from '@saeil/core';

/** Submit (freeze) the report of a period as generated now: the first version, or a correction. */
export interface SubmitMinistryReport {
  type: 'SubmitMinistryReport';
  reportId: string;
  level: ReportLevel;
  scopeId?: string;
  period: string;
  /** Last day of the period (YYYY-MM-DD). */
  periodEnds: string;
  figures: MinistryReportFigures;
  contentHash: string;
  today: string;
}

export type MinistryReportEvent = { type: 'MinistryReportSubmitted'; data: MinistryReportSubmittedV1 };

export interface MinistryReportState {
  /** Versions submitted so far (0: none). */
  version: number;
  lastContentHash?: string;
}

/** A period is reported once it has ended: the day after its last day at the earliest (Korean calendar). */
export function requirePeriodEnded(period: string, periodEnds: string, today: string): void {
  if (today <= periodEnds) {
    throw new RuleViolation(
      'REPORT_PERIOD_NOT_ENDED',
      `보고 기간(${period})이 끝난 뒤(${periodEnds} 이후)에 제출할 수 있습니다.`,
      { period, periodEnds },
    );
  }
}

/**
 * A report's versions. Submitting freezes the figures with their hash; a later submission is a
 * correction (version n + 1) and every version stays. A period is submitted once it has ended,
 * and a "correction" that changes nothing (the same content hash: the same figures as of the same
 * position) is refused rather than stored as a new version.
 */
export const ministryReportDecider: Decider<SubmitMinistryReport, MinistryReportState, MinistryReportEvent> = {
  initialState: () => ({ version: 0 }),
  evolve: (state, event) =>
    event.type === 'MinistryReportSubmitted'
      ? { version: event.data.version, lastContentHash: event.data.contentHash }
      : state,
  decide(command, state) {
    requirePeriodEnded(command.period, command.periodEnds, command.today);
    if (state.lastContentHash === command.contentHash) {
      throw new RuleViolation(
        'REPORT_UNCHANGED',
        `제출된 ${state.version}판과 내용이 같습니다. 바뀐 내용이 있을 때만 수정본을 제출할 수 있습니다.`,
        { version: state.version, contentHash: command.contentHash },
      );
    }
    return [
      {
        type: 'MinistryReportSubmitted',
        data: {
          reportId: command.reportId,
          level: command.level,
          ...(command.scopeId !== undefined ? { scopeId: command.scopeId } : {}),
          period: command.period,
          version: state.version + 1,
          asOfPosition: command.figures.asOfPosition,
          figures: command.figures,
          contentHash: command.contentHash,
          submittedOn: command.today,
        },
      },
    ];
  },
};
