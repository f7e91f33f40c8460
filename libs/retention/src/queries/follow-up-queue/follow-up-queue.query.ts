import type { FollowUpQueueDto } from './follow-up-queue.dto';

export class FollowUpQueueQuery {
  constructor(readonly filter: FollowUpQueueDto) {}
}
