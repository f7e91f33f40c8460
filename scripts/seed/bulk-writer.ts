import type { QueryRunner } from 'typeorm';
import { occurredAtOfDay } from '@saeil/core';
import { Decider, DomainEvent, EVENTS_CHANNEL, EventMetadata, requestHash, StoredEvent } from '@saeil/event-store';
import {
  clientStreamId,
  contractOf,
  COUNSELING_CONTEXT,
  counselingStreamId,
  courseStreamId,
  followUpsStreamId,
  INTAKE_CONTEXT,
  PLACEMENT_CONTEXT,
  placementsStreamId,
  RETENTION_CONTEXT,
  TRAINING_CONTEXT,
} from '@saeil/contracts';
import { clientDecider, ClientIdentityFields, identityOf } from '../../libs/intake/src/domain/client.decider';
import { CaseState, evolveCase, initialCaseState } from '../../libs/intake/src/domain/case-state';
import { IdentityHasher } from '../../libs/intake/src/identity/identity-hasher';
import { clientCounselingDecider } from '../../libs/counseling/src/domain/client-counseling.decider';
import { courseDecider } from '../../libs/training/src/domain/course.decider';
import { placementsDecider } from '../../libs/placement/src/domain/placements.decider';
import { followUpsDecider, FollowUpsCommand, FollowUpsState } from '../../libs/retention/src/domain/follow-ups.decider';
import type { ContactWindowPolicy } from '../../libs/retention/src/domain/milestones';
import { CenterPlan, SeedStep } from './plan';
import { Random } from './random';

/** One row of the events table, as EventStore.append inserts it. */
interface EventRow {
  eventId: string;
  streamId: string;
  streamVersion: number;
  context: string;
  type: string;
  data: object;
  metadata: EventMetadata;
}

/** An idempotency_keys row a reaction writes (its key is derived from the causing event). */
interface ReactionKey {
  key: string;
  commandType: string;
  causeEventId: string;
  streamId: string;
  events: EventRow[];
}

/**
 * Seals many clients' identities in the caller's transaction, issuing their keys there
 * (PrivacyVault.sealEach): the registrations' envelopes, as RegisterClientHandler seals one.
 */
export type BulkSealer = <T extends object>(
  items: { clientId: string; fields: T }[],
  runner: QueryRunner,
) => Promise<string[]>;

/** The retention reactor and sweep, as libs/retention writes them (names and metadata). */
const REACTOR = 'retention-placement-reactions';
const REACTOR_ACTOR = 'system:retention';
const SWEEP_ACTOR = 'system:follow-up-sweep';

interface Stream {
  version: number;
  /** Folded with the stream's decider. */
  state: unknown;
  /** Her case (client streams only), folded as `loadCase` does. */
  caseState?: CaseState;
}

/**
 * The bulk path of the synthetic seed: every command of the plan is decided by the same decider
 * its command handler uses, on the state folded from the events already decided, with the same
 * command fields the handler builds and the same metadata (center of her case, day of the
 * command); the events go into `events` with EventStore.append's INSERT, and the write-side
 * table the handlers keep (`client_identity_keys`) in the same transaction — but thousands of
 * cases per transaction instead of one command each. Registrations are sealed as the handler
 * seals them (her identity in one envelope with her own data key), the keys of a whole batch
 * issued in the batch's transaction. scripts/seed/bulk-vs-commands.int-spec.ts
 * proves the result equals what the HTTP commands write.
 */
export class BulkWriter {
  private readonly streams = new Map<string, Stream>();
  private rows: EventRow[] = [];
  private identityKeys: { key: string; clientId: string }[] = [];
  private searchKeys: { key: string; clientId: string }[] = [];
  private reactionKeys: ReactionKey[] = [];
  /** Envelopes of the registrations of the clients being applied (identity, keyed hashes), sealed before deciding. */
  private sealed = new Map<string, { personal: string; sealedKeys: string }>();

  constructor(
    private readonly hasher: IdentityHasher,
    private readonly seal: BulkSealer,
    /** The day the commands are decided on (todayInKorea() for a real run). */
    private readonly today: string,
    private readonly seed: number,
    /** FOLLOW_UP_WINDOW_DAYS_BEFORE/AFTER, as the reactor schedules with. */
    private readonly window: ContactWindowPolicy,
  ) {}

  get pendingEvents(): number {
    return this.rows.length;
  }

  /** Course streams outlive a batch: on resume they are read back from the store. */
  restoreStreams(events: Pick<StoredEvent, 'streamId' | 'streamVersion' | 'type' | 'data'>[]): void {
    for (const e of events) {
      const stream = this.stream(e.streamId, courseDecider);
      stream.state = courseDecider.evolve(stream.state as never, { type: e.type, data: e.data } as never);
      stream.version = e.streamVersion;
    }
  }

  createCourses(center: CenterPlan): void {
    const random = new Random(this.seed, 'course-metadata', center.index);
    for (const course of center.courses) {
      const metadata = this.metadata(random, center.counselorIds[0], center.centerId, new Date().toISOString());
      this.decide(
        courseStreamId(course.courseId),
        TRAINING_CONTEXT,
        courseDecider,
        { type: 'CreateCourse', courseId: course.courseId, ...course.body },
        metadata,
        random,
      );
    }
  }

  /**
   * Executes the plans of a batch of clients in the batch's transaction: their identities sealed
   * first (one statement issues their keys), then each plan decided. A refusal is a bug in the
   * plan: it stops the seed.
   */
  async applyClients(plans: { index: number; steps: SeedStep[] }[], runner: QueryRunner): Promise<void> {
    const registrations = plans.flatMap(({ steps }) =>
      steps.filter((s): s is Extract<SeedStep, { kind: 'RegisterClient' }> => s.kind === 'RegisterClient'),
    );
    const envelopes = await this.seal(
      registrations.map((r) => ({
        clientId: r.clientId,
        fields: identityOf(r.body as unknown as ClientIdentityFields),
      })),
      runner,
    );
    const sealedKeys = await this.seal(
      registrations.map((r) => ({
        clientId: r.clientId,
        fields: this.indexKeysOf(r.body as unknown as ClientIdentityFields & { centerId: string }),
      })),
      runner,
    );
    this.sealed = new Map(
      registrations.map((r, i) => [r.clientId, { personal: envelopes[i], sealedKeys: sealedKeys[i] }]),
    );
    try {
      for (const { index, steps } of plans) this.applyClient(index, steps);
    } finally {
      this.sealed.clear();
    }
  }

  /** Her identity and search keys, as RegisterClientHandler computes them. */
  private indexKeysOf(body: ClientIdentityFields & { centerId: string }): {
    identityKeys: string[];
    searchKeys: string[];
  } {
    return {
      identityKeys: this.hasher.keysOf(body).map((k) => k.key),
      searchKeys: this.hasher.searchKeysOf(identityOf(body)),
    };
  }

  /** Executes one client's plan (her registration sealed beforehand by applyClients). */
  private applyClient(index: number, steps: SeedStep[]): void {
    const random = new Random(this.seed, 'client-metadata', index);
    for (const step of steps) this.apply(step, random);
    // Her streams are complete: only course streams are needed by later cases.
    const clientId = steps[0].clientId;
    for (const id of [...this.streams.keys()])
      if (id.endsWith(clientId) && !id.startsWith('course-')) this.streams.delete(id);
    for (const step of steps) if ('placementId' in step) this.streams.delete(followUpsStreamId(step.placementId));
  }

  /** Appends everything decided since the last flush in the caller's transaction. */
  async flush(runner: QueryRunner): Promise<number> {
    const rows = this.rows;
    const positions = new Map<string, string>();
    if (rows.length > 0) {
      // EventStore.append's statement, with one row per event of many streams.
      const written: { event_id: string; global_position: string }[] = await runner.query(
        `INSERT INTO events (event_id, stream_id, stream_version, context, event_type, schema_version, data, metadata)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[])
         RETURNING event_id, global_position`,
        [
          rows.map((r) => r.eventId),
          rows.map((r) => r.streamId),
          rows.map((r) => r.streamVersion),
          rows.map((r) => r.context),
          rows.map((r) => r.type),
          // The version EventStore.append writes: the contract's (ClientRegistered is at 2).
          rows.map((r) => contractOf(r.type)?.version ?? 1),
          rows.map((r) => JSON.stringify(r.data)),
          rows.map((r) => JSON.stringify(r.metadata)),
        ],
      );
      for (const w of written) positions.set(w.event_id, w.global_position);
    }
    if (this.reactionKeys.length > 0) {
      // What EventStore.append remembers for a reaction's idempotency key: its result, so the
      // reactor, replaying these events later, appends nothing a second time.
      const results = this.reactionKeys.map((k) => {
        const last = k.events[k.events.length - 1];
        return {
          streamId: k.streamId,
          streamVersion: last.streamVersion,
          globalPosition: Number(positions.get(last.eventId)),
          eventIds: k.events.map((e) => e.eventId),
          duplicate: false,
        };
      });
      await runner.query(
        // Owned, as the reactor's keys are, by the reactor's system actor.
        `INSERT INTO idempotency_keys (owner, idempotency_key, command_type, request_hash, result) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
        [
          this.reactionKeys.map(() => REACTOR_ACTOR),
          this.reactionKeys.map((k) => k.key),
          this.reactionKeys.map((k) => k.commandType),
          this.reactionKeys.map((k) => requestHash({ eventId: k.causeEventId })),
          results.map((r) => JSON.stringify(r)),
        ],
      );
    }
    if (this.identityKeys.length > 0) {
      // reserveIdentityKeys' insert: a key already held by someone else is a duplicate the plan
      // must never make, so it stops the seed instead of being passed over.
      const inserted: unknown[] = await runner.query(
        `INSERT INTO client_identity_keys (identity_key, client_id)
         SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT (identity_key) DO NOTHING RETURNING identity_key`,
        [this.identityKeys.map((k) => k.key), this.identityKeys.map((k) => k.clientId)],
      );
      if (inserted.length !== this.identityKeys.length)
        throw new Error(
          `${this.identityKeys.length - inserted.length} identity keys of this batch are already taken: the seed would register a duplicate client`,
        );
    }
    if (this.searchKeys.length > 0) {
      // indexSearchKeys' insert (the caseload search's index).
      await runner.query(
        `INSERT INTO client_search_keys (search_key, client_id) SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [this.searchKeys.map((k) => k.key), this.searchKeys.map((k) => k.clientId)],
      );
    }
    await runner.query(`SELECT pg_notify($1, '')`, [EVENTS_CHANNEL]);
    this.rows = [];
    this.identityKeys = [];
    this.searchKeys = [];
    this.reactionKeys = [];
    return rows.length;
  }

  private apply(step: SeedStep, random: Random): unknown {
    const today = this.today;
    const day = occurredAtOfDay(step.on);
    switch (step.kind) {
      case 'RegisterClient': {
        // RegisterClientHandler's command: her identity sealed, identity and search keys.
        const { identityKeys, searchKeys } = this.indexKeysOf(
          step.body as unknown as ClientIdentityFields & { centerId: string },
        );
        const sealed = this.sealed.get(step.clientId);
        if (!sealed) throw new Error(`client ${step.clientId} was not sealed before her registration was decided`);
        const metadata = this.metadata(random, step.actorId, step.body.centerId, day);
        this.decide(
          clientStreamId(step.clientId),
          INTAKE_CONTEXT,
          clientDecider,
          {
            type: 'RegisterClient',
            clientId: step.clientId,
            ...step.body,
            ...sealed,
            allowDuplicateOf: [],
            today,
          } as never,
          metadata,
          random,
        );
        for (const key of identityKeys) this.identityKeys.push({ key, clientId: step.clientId });
        for (const key of new Set(searchKeys)) this.searchKeys.push({ key, clientId: step.clientId });
        return;
      }
      case 'GiveConsent':
        return this.onCase(
          step.clientId,
          INTAKE_CONTEXT,
          clientStreamId(step.clientId),
          clientDecider,
          () => ({ type: 'GiveConsent' as const, clientId: step.clientId, ...step.body, today }),
          step,
          day,
          random,
        );
      case 'CloseCase':
        return this.onCase(
          step.clientId,
          INTAKE_CONTEXT,
          clientStreamId(step.clientId),
          clientDecider,
          () => ({ type: 'CloseCase' as const, clientId: step.clientId, ...step.body, today }),
          step,
          day,
          random,
        );
      case 'RecordCounselingSession':
        return this.onCase(
          step.clientId,
          COUNSELING_CONTEXT,
          counselingStreamId(step.clientId),
          clientCounselingDecider,
          (c) =>
            ({
              type: 'RecordCounselingSession' as const,
              clientId: step.clientId,
              ...step.body,
              sessionId: step.sessionId,
              case: c,
              today,
            }) as never,
          step,
          day,
          random,
        );
      case 'EnrollInCourse':
        return this.onCase(
          step.clientId,
          TRAINING_CONTEXT,
          courseStreamId(step.courseId),
          courseDecider,
          (c) => ({
            type: 'EnrollInCourse' as const,
            enrolledOn: step.body.enrolledOn,
            courseId: step.courseId,
            clientId: step.clientId,
            case: c,
            today,
          }),
          step,
          day,
          random,
        );
      case 'CompleteTraining':
        return this.onCase(
          step.clientId,
          TRAINING_CONTEXT,
          courseStreamId(step.courseId),
          courseDecider,
          (c) => ({
            type: 'CompleteTraining' as const,
            completedOn: step.body.completedOn,
            courseId: step.courseId,
            clientId: step.clientId,
            case: c,
            today,
          }),
          step,
          day,
          random,
        );
      case 'StartEmployment': {
        const [started] = this.onCase(
          step.clientId,
          PLACEMENT_CONTEXT,
          placementsStreamId(step.clientId),
          placementsDecider,
          (c) =>
            ({
              type: 'StartEmployment',
              clientId: step.clientId,
              ...step.body,
              placementId: step.placementId,
              case: c,
              today,
            }) as never,
          step,
          day,
          random,
        );
        // The retention reactor on EmploymentStarted: her center and counselor from her case then.
        const herCase = this.caseOf(step.clientId);
        const command: FollowUpsCommand = {
          type: 'SchedulePlacementFollowUps',
          placement: { clientId: step.clientId, placementId: step.placementId, startOn: step.body.startOn },
          centerId: herCase.centerId!,
          counselorId: herCase.counselorId!,
          window: this.window,
        };
        this.react(started, command, herCase.centerId!, step.placementId, random);
        return;
      }
      case 'EndEmployment': {
        const [ended] = this.onCase(
          step.clientId,
          PLACEMENT_CONTEXT,
          placementsStreamId(step.clientId),
          placementsDecider,
          (c) =>
            ({
              type: 'EndEmployment',
              clientId: step.clientId,
              placementId: step.placementId,
              ...step.body,
              case: c,
              today,
            }) as never,
          step,
          day,
          random,
        );
        this.react(
          ended,
          { type: 'CloseForEmploymentEnd', placementId: step.placementId, endedOn: step.body.endedOn },
          ended.metadata.centerId,
          step.placementId,
          random,
        );
        return;
      }
      case 'RecordFollowUp':
        // RecordFollowUpHandler: acts for her case's center, with the HTTP command's metadata.
        this.decide(
          followUpsStreamId(step.placementId),
          RETENTION_CONTEXT,
          followUpsDecider,
          { type: 'RecordFollowUp', placementId: step.placementId, ...step.body, today } as never,
          this.metadata(random, step.actorId, this.caseOf(step.clientId).centerId!, day),
          random,
        );
        return;
      case 'MarkFollowUpDue':
      case 'MarkFollowUpOverdue': {
        // sweepFollowUps on the day it ran (step.on): its actor, correlation id and date.
        const streamId = followUpsStreamId(step.placementId);
        const centerId = (this.streams.get(streamId)!.state as FollowUpsState).placement!.centerId;
        const metadata: EventMetadata = {
          actorId: SWEEP_ACTOR,
          centerId,
          correlationId: `follow-up-sweep:${step.on}`,
          occurredAt: day,
        };
        this.decide(
          streamId,
          RETENTION_CONTEXT,
          followUpsDecider,
          { type: step.kind, placementId: step.placementId, n: step.n, today: step.on },
          metadata,
          random,
        );
        return;
      }
    }
  }

  /** A command about her case: acts for the center of her case, as `actingFor` makes handlers do. */
  private onCase<C, S, E extends DomainEvent>(
    clientId: string,
    context: string,
    streamId: string,
    decider: Decider<C, S, E>,
    command: (herCase: CaseState) => C,
    step: SeedStep,
    occurredAt: string,
    random: Random,
  ): EventRow[] {
    const herCase = this.caseOf(clientId);
    return this.decide(
      streamId,
      context,
      decider,
      command(herCase),
      this.metadata(random, step.actorId, herCase.centerId!, occurredAt),
      random,
    );
  }

  /** placementReactions.react: the system acts for the center, caused by the placement event, under its idempotency key. */
  private react(
    cause: EventRow,
    command: FollowUpsCommand,
    centerId: string,
    placementId: string,
    random: Random,
  ): void {
    const metadata: EventMetadata = {
      actorId: REACTOR_ACTOR,
      centerId,
      correlationId: cause.metadata.correlationId,
      causationId: cause.eventId,
      occurredAt: cause.metadata.occurredAt,
    };
    const streamId = followUpsStreamId(placementId);
    const events = this.decide(streamId, RETENTION_CONTEXT, followUpsDecider, command, metadata, random);
    if (events.length > 0)
      this.reactionKeys.push({
        key: `reaction:${REACTOR}:${cause.eventId}`,
        commandType: command.type,
        causeEventId: cause.eventId,
        streamId,
        events,
      });
  }

  private caseOf(clientId: string): CaseState {
    return this.streams.get(clientStreamId(clientId))?.caseState ?? initialCaseState();
  }

  private decide<C, S, E extends DomainEvent>(
    streamId: string,
    context: string,
    decider: Decider<C, S, E>,
    command: C,
    metadata: EventMetadata,
    random: Random,
  ): EventRow[] {
    const stream = this.stream(streamId, decider);
    const events = decider.decide(command, stream.state as S);
    const rows: EventRow[] = [];
    for (const event of events) {
      stream.version += 1;
      stream.state = decider.evolve(stream.state as S, event);
      if (streamId.startsWith('client-'))
        stream.caseState = evolveCase(stream.caseState ?? initialCaseState(), { ...event, metadata } as never);
      rows.push({
        eventId: random.uuid(),
        streamId,
        streamVersion: stream.version,
        context,
        type: event.type,
        data: event.data,
        metadata,
      });
    }
    this.rows.push(...rows);
    return rows;
  }

  private stream<S>(streamId: string, decider: Pick<Decider<unknown, S, DomainEvent>, 'initialState'>): Stream {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { version: 0, state: decider.initialState() };
      this.streams.set(streamId, stream);
    }
    return stream;
  }

  /** What commandMetadata + actingFor give a command sent over HTTP with X-Actor-Id (ids from the seed). */
  private metadata(random: Random, actorId: string, centerId: string, occurredAt: string): EventMetadata {
    const id = random.uuid();
    return { actorId, centerId, correlationId: id, commandId: id, occurredAt };
  }
}
