import type { FollowUpQueueByCounselorDto } from './follow-up-queue-by-counselor.dto';

export class FollowUpQueueByCounselorQuery {
  constructor(readonly filter: FollowUpQueueByCounselorDto) {}
}
