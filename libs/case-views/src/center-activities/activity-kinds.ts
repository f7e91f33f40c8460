/** The center's own activities, each listed on its screen (not about one woman's case). */
export const ACTIVITY_KINDS = [
  'course',
  'group_program',
  'outreach',
  'employer',
  'agreement',
  'job_fair',
  'council_meeting',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
