import type { components } from './schema';

/**
 * Answer types by their OpenAPI schema name, generated from docs/openapi.json
 * (`npm run -w apps/web api:types`): a field renamed in the backend is a compile error here.
 */
type Schemas = components['schemas'];

export type CaseStatus = 'intake' | 'counseling' | 'in_training' | 'interning' | 'employed' | 'closed';

export type CaseloadItem = Schemas['CaseloadItemResponse'];
export type CaseloadPage = Schemas['CaseloadPageResponse'];
export type TimelineEntry = Schemas['TimelineEntryResponse'];
export type TimelinePage = Schemas['TimelinePageResponse'];
export type FollowUpQueueItem = Schemas['FollowUpQueueItemResponse'];
export type FollowUpQueue = Schemas['FollowUpQueueResponse'];
