import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { clientStreamId } from '@saeil/contracts';
import { ConcurrencyConflict, IdempotencyKeyReused, NotFound, RuleViolation } from '@saeil/core';
import { EventMetadata, EventStore, foldStream, requestHash } from '@saeil/event-store';
import { idempotencyOf } from '@saeil/runtime';
import { handleCaseCommand } from '../case-command';
import { clientDecider, ClientState } from '../../domain/client.decider';
import {
  distributeCases,
  NOT_MOVED_MESSAGES,
  NotMovedReason,
  reassignmentRefusal,
  requireReassignmentTargets,
} from '../../domain/reassignment';
import { ReassignCaseloadCommand } from './reassign-caseload.command';
import { MAX_REASSIGNED_CASES, ReassignCaseloadDto } from './reassign-caseload.dto';
import { ReassignmentReport } from './reassignment-report';

type Plan = { clientId: string; toCounselorId: string }[];
const DEFAULT_REASON = '담당 상담사 일괄 재배정';

/**
 * Moves the cases one by one, each by the same AssignCounselor decision a single reassignment
 * takes (one CounselorAssigned on her stream), and reports each case moved or not with its reason.
 * With an Idempotency-Key the plan (which case goes to whom) is kept in `caseload_reassignments`
 * before anything moves, each case's assignment carries the key `<key>:<clientId>`, and the report
 * is kept when done: a retry answers the same report (`duplicate: true`), and a retry after a crash
 * midway finishes the same plan, the cases already moved answering as moved.
 */
@CommandHandler(ReassignCaseloadCommand)
export class ReassignCaseloadHandler implements ICommandHandler<ReassignCaseloadCommand, ReassignmentReport> {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ input, metadata }: ReassignCaseloadCommand): Promise<ReassignmentReport> {
    requireReassignmentTargets(input.counselorId, input.toCounselorIds);
    const key = metadata.idempotencyKey;
    const kept = key ? await this.kept(metadata.actorId, key, input) : undefined;
    if (kept?.report) return { ...kept.report, duplicate: true };
    let plan = kept?.plan;
    if (!plan) {
      plan = await this.plan(input);
      if (key) plan = await this.keep(metadata.actorId, key, input, plan);
    }
    const report: ReassignmentReport = {
      fromCounselorId: input.counselorId,
      centerId: input.centerId,
      moved: [],
      notMoved: [],
      position: 0,
      duplicate: false,
    };
    for (const step of plan) {
      const outcome = await this.move(step, input, metadata);
      if (typeof outcome === 'number') {
        report.moved.push({ ...step, position: outcome });
        report.position = Math.max(report.position, outcome);
      } else report.notMoved.push({ clientId: step.clientId, reason: outcome, message: NOT_MOVED_MESSAGES[outcome] });
    }
    if (key)
      await this.dataSource.query(
        `UPDATE caseload_reassignments SET report = $3 WHERE owner = $1 AND idempotency_key = $2`,
        [metadata.actorId, key, JSON.stringify(report)],
      );
    return report;
  }

  /** Which case goes to whom: the selected cases, or all her open cases at the center, balanced over the targets' open caseloads. */
  private async plan(input: ReassignCaseloadDto): Promise<Plan> {
    const hers = input.clientIds ?? (await this.openCases([input.counselorId], input.centerId)).map((c) => c.clientId);
    if (hers.length > MAX_REASSIGNED_CASES) {
      throw new RuleViolation(
        'TOO_MANY_CASES',
        `한 번에 ${MAX_REASSIGNED_CASES}건까지 재배정할 수 있습니다. clientIds로 나누어 보내세요.`,
        { openCases: hers.length },
      );
    }
    const carried = await this.openCases(input.toCounselorIds, input.centerId);
    const targets = input.toCounselorIds.map((counselorId) => ({
      counselorId,
      openCases: carried.filter((c) => c.counselorId === counselorId).length,
    }));
    return distributeCases(hers, targets);
  }

  /** One case: moved (the position of her CounselorAssigned) or the reason it was not. */
  private async move(
    step: Plan[number],
    input: ReassignCaseloadDto,
    metadata: EventMetadata,
  ): Promise<number | NotMovedReason> {
    const { clientId, toCounselorId } = step;
    const caseMetadata: EventMetadata = metadata.idempotencyKey
      ? { ...metadata, idempotencyKey: `${metadata.idempotencyKey}:${clientId}` }
      : metadata;
    const assignment = {
      clientId,
      centerId: input.centerId,
      counselorId: toCounselorId,
      reason: input.reason?.trim() ?? DEFAULT_REASON,
    };
    // Moved by an earlier try of this request: answered as moved, before her case (now another's) is judged.
    const idempotency = idempotencyOf(caseMetadata, 'AssignCounselor', assignment);
    const earlier = idempotency ? await this.store.findIdempotentResult(idempotency) : undefined;
    if (earlier) return earlier.globalPosition;
    const history = await this.store.readStream(clientStreamId(clientId));
    const state = foldStream<ClientState, never>(clientDecider, history);
    const refusal = reassignmentRefusal(state, { centerId: input.centerId, counselorId: input.counselorId });
    if (refusal) return refusal;
    try {
      const result = await handleCaseCommand(
        this.store,
        { clientId, commandType: 'AssignCounselor', input: assignment, metadata: caseMetadata, history },
        () => ({
          command: { type: 'AssignCounselor', ...assignment },
        }),
      );
      return result.position;
    } catch (error) {
      if (error instanceof ConcurrencyConflict) return 'CHANGED_MEANWHILE';
      if (error instanceof NotFound) return 'NOT_FOUND';
      if (error instanceof RuleViolation && error.code in NOT_MOVED_MESSAGES) return error.code as NotMovedReason;
      throw error;
    }
  }

  /**
   * The open cases the counselors carry at the center now, from the event store (read models lag):
   * the last registration or assignment of her case names one of them at that center, and her case
   * is not closed or erased. In the order the cases first named one of them.
   */
  private async openCases(
    counselorIds: string[],
    centerId: string,
  ): Promise<{ clientId: string; counselorId: string }[]> {
    const rows: { client_id: string; counselor_id: string }[] = await this.dataSource.query(
      `WITH named AS (
         SELECT stream_id, min(global_position) AS first FROM events
          WHERE event_type IN ('ClientRegistered', 'CounselorAssigned') AND data->>'counselorId' = ANY($1::text[])
          GROUP BY stream_id
       ), assigned AS (
         SELECT DISTINCT ON (e.stream_id) e.stream_id, e.data->>'clientId' AS client_id, e.data->>'counselorId' AS counselor_id, e.data->>'centerId' AS center_id
           FROM events e JOIN named n ON n.stream_id = e.stream_id
          WHERE e.event_type IN ('ClientRegistered', 'CounselorAssigned')
          ORDER BY e.stream_id, e.stream_version DESC
       ), ended AS (
         SELECT DISTINCT ON (e.stream_id) e.stream_id, e.event_type <> 'CaseReopened' AS ended
           FROM events e JOIN named n ON n.stream_id = e.stream_id
          WHERE e.event_type IN ('CaseClosed', 'CaseReopened', 'ClientDataErased')
          ORDER BY e.stream_id, e.stream_version DESC
       )
       SELECT a.client_id, a.counselor_id FROM assigned a JOIN named n ON n.stream_id = a.stream_id LEFT JOIN ended x ON x.stream_id = a.stream_id
        WHERE a.center_id = $2 AND a.counselor_id = ANY($1::text[]) AND NOT coalesce(x.ended, false)
        ORDER BY n.first`,
      [counselorIds, centerId],
    );
    return rows.map((r) => ({ clientId: r.client_id, counselorId: r.counselor_id }));
  }

  /** The plan and report an earlier request with this key kept; the same key with another request is refused. */
  private async kept(
    owner: string,
    key: string,
    input: ReassignCaseloadDto,
  ): Promise<{ plan: Plan; report?: ReassignmentReport } | undefined> {
    const [row]: { request_hash: string; plan: Plan; report: ReassignmentReport | null }[] =
      await this.dataSource.query(
        `SELECT request_hash, plan, report FROM caseload_reassignments WHERE owner = $1 AND idempotency_key = $2`,
        [owner, key],
      );
    if (!row) return undefined;
    if (row.request_hash !== requestHash(input)) throw new IdempotencyKeyReused(key);
    return { plan: row.plan, ...(row.report ? { report: row.report } : {}) };
  }

  /** Keeps the plan before anything moves; a concurrent twin's plan wins if it kept one first. */
  private async keep(owner: string, key: string, input: ReassignCaseloadDto, plan: Plan): Promise<Plan> {
    await this.dataSource.query(
      `INSERT INTO caseload_reassignments (owner, idempotency_key, request_hash, plan) VALUES ($1, $2, $3, $4) ON CONFLICT (owner, idempotency_key) DO NOTHING`,
      [owner, key, requestHash(input), JSON.stringify(plan)],
    );
    return (await this.kept(owner, key, input))!.plan;
  }
}
