import type {
  MinistryActivityFigures,
  MinistryEmploymentFigures,
  MinistryRetentionBreakdown,
  MinistryRetentionFigures,
  PublishedCount,
} from '@saeil/contracts';
import type {
  ActivityFigures,
  BreakdownRow,
  EmploymentFigures,
  RetentionDimension,
  RetentionFigures,
} from '../statistics-source';
import { isSuppressed, Published, publishRate, suppressCount, suppressTable, SUPPRESSED } from '../domain/suppression';
import { suppressRow } from '../domain/suppress-row';

/**
 * Figures as a reader above a center may see them (issue 13, finding 12): the Ministry report's
 * small-cell suppression, and the statistics routes' answers to every role whose scope is not one
 * center. One implementation for both: the report builds its sections with these functions.
 *
 * `forced` names figures another table already had to hide (a leaf path: `placements`,
 * `placementsByWageBand.under_2m`, …); they are hidden here too, and the section is protected
 * again around them. The report passes none.
 */

const OUTCOMES = ['sameEmployer', 'otherEmployer', 'notEmployed', 'unreachable', 'unverified'] as const;
const MILESTONES = [1, 2, 3] as const;

export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function milestoneOf(figures: readonly RetentionFigures[], n: 1 | 2 | 3): RetentionFigures {
  return (
    figures.find((f) => f.n === n) ?? {
      n,
      eligible: 0,
      sameEmployer: 0,
      otherEmployer: 0,
      notEmployed: 0,
      unreachable: 0,
      unverified: 0,
      retentionRate: null,
      anyEmployerRate: null,
      unverifiedShare: null,
    }
  );
}

function sumPublished(a: Published, b: Published): Published {
  return isSuppressed(a) || isSuppressed(b) ? SUPPRESSED : a + b;
}

/** A milestone as published: rates recomputed from the published counts, suppressed with them. */
function publishedMilestone(n: 1 | 2 | 3, cells: Published[], eligible: Published): MinistryRetentionFigures {
  const [sameEmployer, otherEmployer, notEmployed, unreachable, unverified] = cells;
  return {
    n,
    eligible,
    sameEmployer,
    otherEmployer,
    notEmployed,
    unreachable,
    unverified,
    retentionRate: publishRate(sameEmployer, eligible),
    anyEmployerRate: publishRate(sumPublished(sameEmployer, otherEmployer), eligible),
    unverifiedShare: publishRate(unverified, eligible),
  };
}

/**
 * Retention at months 1–3 and its breakdowns. For each milestone, a breakdown is one table
 * (rows: the dimension's values; columns: the outcomes; row totals: eligible). When its rows add
 * up to the overall figures, the overall figures are its column totals and grand total: they are
 * published in the overall section, so the table is suppressed with them, and whatever it had to
 * hide among them is hidden in the overall section too.
 */
export function publishRetention(
  whole: readonly RetentionFigures[],
  breakdowns: ReadonlyArray<{ dimension: RetentionDimension; rows: BreakdownRow<RetentionFigures[]>[] }>,
  threshold: number,
): { overall: MinistryRetentionFigures[]; breakdowns: MinistryRetentionBreakdown[] } {
  const breakdownMilestones = breakdowns.map(() => new Map<string, MinistryRetentionFigures[]>());
  const overall = MILESTONES.map((n) => {
    const milestone = milestoneOf(whole, n);
    const wholeCells = OUTCOMES.map((o) => milestone[o]);
    const forcedCells = new Set<number>();
    let forcedTotal = false;
    breakdowns.forEach(({ rows }, b) => {
      if (rows.length === 0) return;
      const cells = rows.map((row) => OUTCOMES.map((o) => milestoneOf(row.figures, n)[o]));
      const columnSums = OUTCOMES.map((_, c) => cells.reduce((sum, row) => sum + row[c], 0));
      const partitions = columnSums.every((sum, c) => sum === wholeCells[c]);
      const table = suppressTable(
        {
          columns: [...OUTCOMES],
          rows: rows.map((row, r) => ({ label: row.key, cells: cells[r] })),
          totals: { rows: true, columns: partitions },
        },
        { threshold },
      );
      if (partitions && table.totals) {
        table.totals.cells.forEach((cell, c) => isSuppressed(cell) && forcedCells.add(c));
        if (isSuppressed(table.totals.total)) forcedTotal = true;
      }
      table.rows.forEach((row) => {
        const list = breakdownMilestones[b].get(row.label) ?? [];
        list.push(publishedMilestone(n, row.cells, row.total!));
        breakdownMilestones[b].set(row.label, list);
      });
    });
    const row = suppressRow(wholeCells, milestone.eligible, threshold, { cells: [...forcedCells], total: forcedTotal });
    return publishedMilestone(n, row.cells, row.total);
  });
  return {
    overall,
    breakdowns: breakdowns.map(({ dimension }, b) => ({
      dimension,
      rows: [...breakdownMilestones[b].entries()]
        .sort(([a], [z]) => byCodeUnits(a, z))
        .map(([key, milestones]) => ({ key, milestones })),
    })),
  };
}

/**
 * Placements by one attribute: a row whose total is the placements count. Returns the published
 * row and whether its total had to be hidden (then the placements count is hidden everywhere).
 */
function placementsBy(
  field: string,
  counts: Record<string, number>,
  placements: number,
  threshold: number,
  forced: ReadonlySet<string>,
): { published: Record<string, PublishedCount>; hidesTotal: boolean } {
  const keys = Object.keys(counts).sort(byCodeUnits);
  if (keys.length === 0) return { published: {}, hidesTotal: false };
  const cells = keys.map((k) => counts[k]);
  const adds = cells.reduce((a, b) => a + b, 0) === placements;
  const forcedCells = keys.flatMap((k, i) => (forced.has(`${field}.${k}`) ? [i] : []));
  const row = suppressRow(
    cells,
    cells.reduce((a, b) => a + b, 0),
    threshold,
    { cells: forcedCells, total: adds && forced.has('placements') },
  );
  return {
    published: Object.fromEntries(keys.map((k, i) => [k, row.cells[i]])),
    hidesTotal: adds && isSuppressed(row.total),
  };
}

const NONE: ReadonlySet<string> = new Set();

export function publishEmployment(
  e: EmploymentFigures,
  threshold: number,
  forced: ReadonlySet<string> = NONE,
): MinistryEmploymentFigures {
  const count = (field: keyof EmploymentFigures & string, value: number): PublishedCount =>
    forced.has(field) ? SUPPRESSED : suppressCount(value, { threshold });
  const byType = placementsBy(
    'placementsByEmploymentType',
    e.placementsByEmploymentType,
    e.placements,
    threshold,
    forced,
  );
  const byOccupation = placementsBy(
    'placementsByOccupationGroup',
    e.placementsByOccupationGroup,
    e.placements,
    threshold,
    forced,
  );
  const byWage = placementsBy('placementsByWageBand', e.placementsByWageBand, e.placements, threshold, forced);
  const byChannel = placementsBy('placementsByChannel', e.placementsByChannel, e.placements, threshold, forced);
  const placementsHidden = [byType, byOccupation, byWage, byChannel].some((b) => b.hidesTotal);
  // Completers split into employed and not employed: publishing both totals would give the small "not employed" away.
  const training = suppressRow(
    [e.trainingCompletersEmployed, e.trainingCompleters - e.trainingCompletersEmployed],
    e.trainingCompleters,
    threshold,
    {
      cells: forced.has('trainingCompletersEmployed') ? [0] : [],
      total: forced.has('trainingCompleters'),
    },
  );
  return {
    clientsRegistered: count('clientsRegistered', e.clientsRegistered),
    employedClients: count('employedClients', e.employedClients),
    placements: placementsHidden ? SUPPRESSED : count('placements', e.placements),
    placementsByEmploymentType: byType.published,
    placementsByOccupationGroup: byOccupation.published,
    placementsByWageBand: byWage.published,
    placementsByChannel: byChannel.published,
    trainingCompleters: training.total,
    trainingCompletersEmployed: training.cells[0],
    trainingEmploymentRate: publishRate(training.cells[0], training.total),
    internshipConversions: count('internshipConversions', e.internshipConversions),
    startups: count('startups', e.startups),
  };
}

/** The person counts of the employment figures, as leaf paths (what `forced` names). */
export function employmentPersonCounts(e: EmploymentFigures): string[] {
  const records = [
    'placementsByEmploymentType',
    'placementsByOccupationGroup',
    'placementsByWageBand',
    'placementsByChannel',
  ] as const;
  return [
    'clientsRegistered',
    'employedClients',
    'placements',
    ...records.flatMap((field) => Object.keys(e[field]).map((k) => `${field}.${k}`)),
    'trainingCompleters',
    'trainingCompletersEmployed',
    'internshipConversions',
    'startups',
  ];
}

const sortedRecord = (record: Record<string, number>): Record<string, number> =>
  Object.fromEntries(
    Object.keys(record)
      .sort(byCodeUnits)
      .map((k) => [k, record[k]]),
  );

/** Activities (sessions, meetings, agreements) are not person counts; the people reached are. */
export function publishActivity(
  a: ActivityFigures,
  threshold: number,
  forced: ReadonlySet<string> = NONE,
): MinistryActivityFigures {
  const count = (field: keyof ActivityFigures & string, value: number): PublishedCount =>
    forced.has(field) ? SUPPRESSED : suppressCount(value, { threshold });
  return {
    counselingSessionsByChannel: sortedRecord(a.counselingSessionsByChannel),
    groupProgramAttendances: a.groupProgramAttendances,
    outreachEvents: a.outreachEvents,
    outreachContacts: count('outreachContacts', a.outreachContacts),
    agreementsSigned: a.agreementsSigned,
    agreementsByKind: sortedRecord(a.agreementsByKind),
    councilMeetings: a.councilMeetings,
    jobFairs: a.jobFairs,
    retentionBeneficiaries: count('retentionBeneficiaries', a.retentionBeneficiaries),
  };
}

export function activityPersonCounts(): string[] {
  return ['outreachContacts', 'retentionBeneficiaries'];
}

function leaf(figures: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      figures,
    );
}

/**
 * A scope's figures with the figures of each of its parts (`by=center|region`), published
 * together: the parts add up to the scope, so a part hidden next to a published total and
 * published siblings could be recovered by subtraction. For each person count, the parts and the
 * scope form one group (suppress-row's rules); what a group hides is forced into the section of
 * that part, whose own protection may hide more; repeated until nothing changes (the hidden sets
 * only grow, so it ends).
 */
export function publishWithParts<F, P>(
  whole: F,
  parts: ReadonlyArray<{ key: string; figures: F }>,
  personCounts: (figures: F) => string[],
  publish: (figures: F, forced: ReadonlySet<string>) => P,
  threshold: number,
): { whole: P; parts: Array<{ key: string; figures: P }> } {
  const forcedWhole = new Set<string>();
  const forcedParts = parts.map(() => new Set<string>());
  const paths = [...new Set([whole, ...parts.map((p) => p.figures)].flatMap(personCounts))];
  for (;;) {
    const publishedWhole = publish(whole, forcedWhole);
    const publishedParts = parts.map((p, i) => publish(p.figures, forcedParts[i]));
    let changed = false;
    for (const path of paths) {
      const values = parts.map((p) => Number(leaf(p.figures, path) ?? 0));
      const total = Number(leaf(whole, path) ?? 0);
      if (values.reduce((a, b) => a + b, 0) !== total) continue; // not a partition: nothing to subtract
      const hiddenParts = publishedParts.flatMap((p, i) => (isSuppressed(leaf(p, path) as Published) ? [i] : []));
      const row = suppressRow(values, total, threshold, {
        cells: hiddenParts,
        total: isSuppressed(leaf(publishedWhole, path) as Published),
      });
      row.cells.forEach((cell, i) => {
        if (
          isSuppressed(cell) &&
          !isSuppressed(leaf(publishedParts[i], path) as Published) &&
          !forcedParts[i].has(path)
        ) {
          forcedParts[i].add(path);
          changed = true;
        }
      });
      if (isSuppressed(row.total) && !isSuppressed(leaf(publishedWhole, path) as Published) && !forcedWhole.has(path)) {
        forcedWhole.add(path);
        changed = true;
      }
    }
    if (!changed)
      return { whole: publishedWhole, parts: parts.map((p, i) => ({ key: p.key, figures: publishedParts[i] })) };
  }
}
