import type { components } from './schema';

/**
 * Answer types by their OpenAPI schema name. The document describes an answer once its route
 * declares it; until then the fallback below (written from the backend's interface) stands in,
 * and `npm run -w apps/web api:types` switches to the generated type by itself.
 */
type Schemas = components['schemas'];
type Schema<Name extends string, Fallback> = Name extends keyof Schemas ? Schemas[Name] : Fallback;

export type Consistency = { minPosition: number; reached: boolean };

export type CaseStatus = 'intake' | 'counseling' | 'in_training' | 'interning' | 'employed' | 'closed';

export interface CaseloadItemFallback {
  clientId: string;
  centerId: string;
  counselorId: string;
  name: string | null;
  birthDate: string | null;
  phone: string | null;
  birthYear: number | null;
  erased: boolean;
  region: string;
  status: string;
  registeredAt: string;
  lastContactOn: string | null;
  nextAction: { description: string; dueOn: string } | null;
  lastEventAt: string;
}
export type CaseloadItem = Schema<'CaseloadItemResponse', CaseloadItemFallback>;
export type CaseloadPage = Schema<'CaseloadPageResponse', { items: CaseloadItem[]; page: number; pageSize: number; total: number; consistency?: Consistency }>;

export type TimelineEntry = Schema<
  'TimelineEntryResponse',
  { occurredAt: string; recordedAt: string; actorId: string; centerId: string; summary: string; type: string; context: string; position: number }
>;
export type TimelinePage = Schema<'TimelinePageResponse', { clientId: string; items: TimelineEntry[]; page: number; pageSize: number; total: number }>;

export type FollowUpQueueItem = Schema<
  'FollowUpQueueItemResponse',
  { clientId: string; clientName: string | null; placementId: string; employerName: string | null; n: number; dueOn: string; window: { opensOn: string; closesOn: string } }
>;
export type FollowUpQueue = Schema<
  'FollowUpQueueResponse',
  { counselorId: string; today: string; dueThisWeek: FollowUpQueueItem[]; overdue: FollowUpQueueItem[]; upcoming: FollowUpQueueItem[] }
>;
