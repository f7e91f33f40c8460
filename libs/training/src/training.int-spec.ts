import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { courseStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { countEvents, registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { addDays, todayInKorea } from '@saeil/core';
import { accountIdOf, Api, api, counselorOf } from '../../../tests/support/auth';

/** A day relative to today in Korea (YYYY-MM-DD). */
function day(offset: number): string {
  return addDays(todayInKorea(), offset);
}

describeKafka('training through HTTP on PostgreSQL and Kafka', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  let clientNo = 0;
  /** The courses are center-jinju's: its counselor sets them up and enrolls the women of her center. */
  let http: Api;
  /** A counselor of another center (center-naju). */
  let naju: Api;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'training', kafka: true });
    kafka = await observeTopics(saeil, { contexts: ['training'] });
    http = await api(saeil, counselorOf('center-jinju'));
    naju = await api(saeil, counselorOf('center-naju'));
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  const registeredClient = (options: { consent?: boolean; centerId?: string } = {}) =>
    registerClient(saeil, ++clientNo, {
      centerId: options.centerId ?? 'center-jinju',
      consents: options.consent === false ? [] : ['service'],
    });

  async function course(capacity: number): Promise<string> {
    const created = await http
      .post('/courses')
      .send({
        centerId: 'center-jinju',
        title: '간호조무사 재취업 인력양성',
        provider: '진주직업전문학교',
        field: '간호조무사',
        startsOn: day(-30),
        endsOn: day(60),
        hours: 740,
        capacity,
      })
      .expect(201);
    return created.body.courseId;
  }

  const stream = (courseId: string) => saeil.runtime.store.readStream(courseStreamId(courseId));

  it('sets up a course and shows it with its seats', async () => {
    const courseId = await course(20);
    const view = await http.get(`/courses/${courseId}`).expect(200);
    expect(view.body).toMatchObject({
      courseId,
      provider: '진주직업전문학교',
      field: '간호조무사',
      hours: 740,
      capacity: 20,
      enrolled: 0,
      remainingCapacity: 20,
    });
    const [created] = await stream(courseId);
    expect(created).toMatchObject({
      type: 'TrainingCourseCreated',
      context: 'training',
      metadata: { centerId: 'center-jinju' },
    });
  });

  it('fills a course of 2 seats with 5 concurrent enrollments: exactly 2 enrolled, 3 COURSE_FULL (409s retried)', async () => {
    const courseId = await course(2);
    const clients = await Promise.all([1, 2, 3, 4, 5].map(() => registeredClient()));
    const enroll = async (clientId: string): Promise<request.Response> => {
      for (;;) {
        const response = await http.post(`/courses/${courseId}/enrollments`).send({ clientId, enrolledOn: day(-35) });
        if (response.status !== 409) return response;
        // 409: another enrollment was written meanwhile; the counselor reloads and retries
      }
    };
    const responses = await Promise.all(clients.map(enroll));

    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 422, 422, 422]);
    for (const refused of responses.filter((r) => r.status === 422))
      expect(refused.body.error).toMatchObject({ code: 'COURSE_FULL', details: { capacity: 2, enrolled: 2 } });
    const enrolledEvents = (await stream(courseId)).filter((e) => e.type === 'TrainingEnrolled');
    expect(enrolledEvents.map((e) => e.data.clientId).sort()).toEqual(
      responses
        .filter((r) => r.status === 201)
        .map((r) => r.body.clientId)
        .sort(),
    );
    const view = await http.get(`/courses/${courseId}`).expect(200);
    expect(view.body).toMatchObject({ capacity: 2, enrolled: 2, remainingCapacity: 0 });
  });

  it('refuses enrolling her twice with 422 ALREADY_ENROLLED and appends nothing', async () => {
    const courseId = await course(10);
    const clientId = await registeredClient();
    const first = await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId, enrolledOn: day(-1) })
      .expect(201);
    expect(first.body).toMatchObject({ courseId, clientId, streamVersion: 2, duplicate: false });
    const before = await countEvents(saeil);
    const again = await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId, enrolledOn: day(0) })
      .expect(422);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_ENROLLED', details: { enrolledOn: day(-1) } });
    expect(await countEvents(saeil)).toBe(before);
  });

  it('refuses a completion without enrollment with 422 NOT_ENROLLED and appends nothing', async () => {
    const courseId = await course(10);
    const clientId = await registeredClient();
    const before = await countEvents(saeil);
    const refused = await http
      .post(`/courses/${courseId}/completions`)
      .send({ clientId, completedOn: day(0) })
      .expect(422);
    expect(refused.body.error.code).toBe('NOT_ENROLLED');
    expect(await countEvents(saeil)).toBe(before);
  });

  it('records attendance, completion (with completedOn and field) and a certificate; other trainees drop out with a reason', async () => {
    const courseId = await course(10);
    const [kim, lee] = [await registeredClient(), await registeredClient()];
    await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId: kim, enrolledOn: day(-31) })
      .expect(201);
    await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId: lee, enrolledOn: day(-31) })
      .expect(201);
    await http
      .post(`/courses/${courseId}/attendance`)
      .send({ clientId: kim, date: day(-29), present: true })
      .expect(201);
    await http
      .post(`/courses/${courseId}/attendance`)
      .send({ clientId: kim, date: day(-28), present: false })
      .expect(201);
    await http
      .post(`/courses/${courseId}/dropouts`)
      .send({ clientId: lee, droppedOn: day(-10), reason: 'employed', note: '조기취업' })
      .expect(201);
    const completion = await http
      .post(`/courses/${courseId}/completions`)
      .send({ clientId: kim, completedOn: day(-1) })
      .expect(201);
    expect(completion.body).toMatchObject({ courseId, clientId: kim, duplicate: false });
    await http
      .post(`/courses/${courseId}/certificates`)
      .send({ clientId: kim, certificate: '간호조무사', obtainedOn: day(0) })
      .expect(201);

    const events = await stream(courseId);
    expect(events.map((e) => e.type)).toEqual([
      'TrainingCourseCreated',
      'TrainingEnrolled',
      'TrainingEnrolled',
      'TrainingAttendanceRecorded',
      'TrainingAttendanceRecorded',
      'TrainingDroppedOut',
      'TrainingCompleted',
      'TrainingCertificateObtained',
    ]);
    expect(events[6].data).toEqual({
      courseId,
      clientId: kim,
      courseTitle: '간호조무사 재취업 인력양성',
      field: '간호조무사',
      completedOn: day(-1),
    });
    expect(events[6].metadata).toMatchObject({ centerId: 'center-jinju', occurredAt: `${day(-1)}T00:00:00.000Z` });
    expect(events[5].data).toMatchObject({ clientId: lee, reason: 'employed', note: '조기취업' });
    expect(events[7].data).toMatchObject({ clientId: kim, certificate: '간호조무사', obtainedOn: day(0) });
    const view = await http.get(`/courses/${courseId}`).expect(200);
    expect(view.body).toMatchObject({ enrolled: 1, remainingCapacity: 9, completed: 1, droppedOut: 1 });

    const before = await countEvents(saeil);
    const twice = await http
      .post(`/courses/${courseId}/completions`)
      .send({ clientId: kim, completedOn: day(0) })
      .expect(422);
    expect(twice.body.error.code).toBe('ALREADY_COMPLETED');
    const beforeStart = await http
      .post(`/courses/${courseId}/certificates`)
      .send({ clientId: lee, certificate: '요양보호사', obtainedOn: day(-40) })
      .expect(422);
    expect(beforeStart.body.error.code).toBe('CERTIFICATE_BEFORE_COURSE_START');
    expect(await countEvents(saeil)).toBe(before);

    await waitFor(async () => kafka.published.filter((p) => p.key === courseStreamId(courseId)).length >= 8, {
      timeoutMs: 30_000,
      description: 'course events on the training topic',
    });
    const onTopic = kafka.published.filter((p) => p.key === courseStreamId(courseId));
    expect(onTopic.map((p) => p.type)).toEqual(events.map((e) => e.type));
  });

  it("refuses without her service consent (422), after the course ended (422), for unknown course or client or another center's (404), bad input (400); nothing appended", async () => {
    const courseId = await course(10);
    const noConsent = await registeredClient({ consent: false });
    const clientId = await registeredClient();
    const najuClient = await registeredClient({ centerId: 'center-naju' });
    const before = await countEvents(saeil);

    const consent = await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId: noConsent, enrolledOn: day(0) })
      .expect(422);
    expect(consent.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });
    const future = await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId, enrolledOn: day(1) })
      .expect(422);
    expect(future.body.error.code).toBe('DATE_IN_FUTURE');
    await http
      .post(`/courses/${randomUUID()}/enrollments`)
      .send({ clientId, enrolledOn: day(0) })
      .expect(404);
    await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId: randomUUID(), enrolledOn: day(0) })
      .expect(404);
    await http.get(`/courses/${randomUUID()}`).expect(404);
    // Another center's woman is not hers to enroll, nor is the course another center's counselor's
    // to enroll in or read, nor may she set one up for center-jinju: 404 as if unknown, 403 for the center.
    expect(
      (
        await http
          .post(`/courses/${courseId}/enrollments`)
          .send({ clientId: najuClient, enrolledOn: day(0) })
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    await naju
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId: najuClient, enrolledOn: day(0) })
      .expect(404);
    await naju.get(`/courses/${courseId}`).expect(404);
    const outOfScope = await naju
      .post('/courses')
      .send({
        centerId: 'center-jinju',
        title: '간호조무사 재취업 인력양성',
        provider: '진주직업전문학교',
        field: '간호조무사',
        startsOn: day(-30),
        endsOn: day(60),
        hours: 740,
        capacity: 10,
      })
      .expect(403);
    expect(outOfScope.body.error.code).toBe('OUT_OF_SCOPE');

    const malformedId = await http
      .post(`/courses/not-a-uuid/enrollments`)
      .send({ clientId, enrolledOn: day(0) })
      .expect(400);
    expect(malformedId.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['courseId']);
    const badGet = await http.get(`/courses/not-a-uuid`).expect(400);
    expect(badGet.body.error.fields[0].field).toBe('courseId');
    const badBody = await http
      .post(`/courses/${courseId}/dropouts`)
      .send({ clientId, droppedOn: '2026-02-30', reason: 'bored', extra: 1 })
      .expect(400);
    expect(badBody.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['droppedOn', 'reason', 'extra']),
    );
    const otherCourse = await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ courseId: randomUUID(), clientId, enrolledOn: day(0) })
      .expect(400);
    expect(otherCourse.body.error.fields[0]).toMatchObject({ field: 'courseId', code: 'pathMismatch' });
    const inverted = await http
      .post('/courses')
      .send({
        centerId: 'center-jinju',
        title: '청소마스터 양성',
        provider: '진주시',
        field: '청소',
        startsOn: day(10),
        endsOn: day(9),
        hours: 60,
        capacity: 10,
      })
      .expect(422);
    expect(inverted.body.error.code).toBe('COURSE_DATES_INVERTED');
    expect(await countEvents(saeil)).toBe(before);

    const closed = await registeredClient();
    await http
      .post(`/clients/${closed}/closure`)
      .send({ reason: '연락 두절', closedOn: day(0) })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const afterClosing = await countEvents(saeil);
    const onClosedCase = await http
      .post(`/courses/${courseId}/enrollments`)
      .send({ clientId: closed, enrolledOn: day(0) })
      .expect(422);
    expect(onClosedCase.body.error.code).toBe('CASE_CLOSED');
    expect(await countEvents(saeil)).toBe(afterClosing);

    const ended = await http
      .post('/courses')
      .send({
        centerId: 'center-jinju',
        title: '멀티디자인 사무원 양성',
        provider: '진주시',
        field: '사무행정',
        startsOn: day(-60),
        endsOn: day(-2),
        hours: 120,
        capacity: 10,
      })
      .expect(201);
    const late = await http
      .post(`/courses/${ended.body.courseId}/enrollments`)
      .send({ clientId, enrolledOn: day(-1) })
      .expect(422);
    expect(late.body.error).toMatchObject({ code: 'COURSE_ENDED', details: { endsOn: day(-2) } });
  });

  it('accepts an enrollment on the Kafka command topic with the course id inside the payload, as the account of its token, acting for the center of her case', async () => {
    const courseId = await course(3);
    const clientId = await registeredClient();
    // The training app acts for center-jinju's counselor, whose course and woman these are; its stated actorId is not recorded.
    const reply = await kafka.sendCommand(
      'EnrollInCourse',
      { courseId, clientId, enrolledOn: day(0) },
      { token: http.token, actorId: 'training-app' },
    );
    expect(reply).toMatchObject({
      status: 'accepted',
      result: { courseId, clientId, streamVersion: 2, duplicate: false },
    });
    const [, enrolled] = await stream(courseId);
    const counselorAccount = await accountIdOf(saeil, counselorOf('center-jinju'));
    expect(enrolled).toMatchObject({
      type: 'TrainingEnrolled',
      data: { clientId, enrolledOn: day(0) },
      metadata: { actorId: counselorAccount, centerId: 'center-jinju' },
    });
  });

  it('refuses on the Kafka command topic, as over HTTP, a woman of another center in the course (NOT_FOUND), whichever center the token is of, appending nothing', async () => {
    // The command topic used to take no caller's scope: a woman of center-naju could be enrolled in
    // center-jinju's course there. It is now authorized as HTTP is: center-jinju's counselor does not
    // reach her, center-naju's does not reach the course.
    const courseId = await course(3);
    const najuClient = await registeredClient({ centerId: 'center-naju' });
    const before = await countEvents(saeil);
    for (const [who, token] of [
      ['center-jinju', http.token],
      ['center-naju', naju.token],
    ]) {
      const reply = await kafka.sendCommand(
        'EnrollInCourse',
        { courseId, clientId: najuClient, enrolledOn: day(0) },
        { token, actorId: 'training-app' },
      );
      expect({ who, reply }).toMatchObject({ who, reply: { status: 'rejected', error: { code: 'NOT_FOUND' } } });
    }
    expect((await stream(courseId)).map((e) => e.type)).toEqual(['TrainingCourseCreated']);
    expect(await countEvents(saeil)).toBe(before);
  });
});
