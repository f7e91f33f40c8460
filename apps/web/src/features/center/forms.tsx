import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useSession } from '../../app/use-session';
import { useCenterCounselorOptions } from '../../components/center-counselors';
import { RecordForm } from '../../components/RecordForm';
import { activityOptionsQuery, centerClientsQuery, centerKeys, toBody, type CenterActivity } from './api';
import { AGREEMENT_KINDS, EMPLOYER_SERVICES, EMPLOYER_SIZES, KIND_LABELS, type ActivityKind } from './terms';

type PostPath = { [P in keyof paths]: paths[P] extends { post: unknown } ? P : never }[keyof paths];
type Body<P extends PostPath> = paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
type Result = { position: number; duplicate?: boolean };

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const required = (label: string) => ({ required: true, message: `${label}을(를) 입력해 주세요.` });
const picked = (label: string) => ({ required: true, message: `${label}을(를) 골라 주세요.` });
const half = { xs: 24, md: 12 } as const;
const third = { xs: 24, md: 12, lg: 8 } as const;

function Day({
  name,
  label,
  rules = [picked(label)],
  future = false,
}: {
  name: string;
  label: string;
  rules?: object[];
  future?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={rules}>
      <DatePicker
        format="YYYY-MM-DD"
        placeholder="YYYY-MM-DD"
        disabledDate={future ? undefined : notFuture}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

function Count({
  name,
  label,
  min = 0,
  max = 100_000,
  suffix,
  requiredField = true,
}: {
  name: string;
  label: string;
  min?: number;
  max?: number;
  suffix?: string;
  requiredField?: boolean;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...(requiredField ? [required(label)] : []),
        { type: 'number', min, max, message: `${min}~${max.toLocaleString('ko-KR')} 사이로 입력해 주세요.` },
      ]}
    >
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} suffix={suffix} />
    </Form.Item>
  );
}

interface FormProps {
  centerId: string;
  onSaved: () => void;
  onCancel: () => void;
}

/** A command of the center: the list of its kind is refreshed after it (minPosition). */
function CenterForm<V extends object>({
  id,
  title,
  submitLabel,
  saved,
  send,
  initialValues,
  onSaved,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  submitLabel?: string;
  saved: string;
  send: (values: V, key: string) => Promise<Result>;
  initialValues?: Partial<V>;
  children: ReactNode;
} & Omit<FormProps, 'centerId'>) {
  return (
    <div className="saeil-panel">
      <RecordForm<V, Result>
        id={id}
        title={title}
        submitLabel={submitLabel}
        initialValues={initialValues}
        send={send}
        invalidates={[centerKeys.all]}
        saved={() => saved}
        onSaved={onSaved}
        onCancel={onCancel}
      >
        {children}
      </RecordForm>
    </div>
  );
}

const post = async <P extends PostPath>(
  path: P,
  body: Record<string, unknown>,
  key: string,
  pathParams?: Record<string, string>,
): Promise<Result> =>
  unwrap(
    // openapi-fetch's overloads cannot follow a generic path; the body's shape is the form's (checked by the API).
    await (api.POST as (p: string, init: object) => Promise<{ data?: Result; error?: unknown; response: Response }>)(
      path,
      {
        body: body as Body<P>,
        params: pathParams ? { path: pathParams } : undefined,
        headers: { 'Idempotency-Key': key },
      },
    ),
  );

export function CourseForm({ centerId, ...rest }: FormProps) {
  return (
    <CenterForm
      id="course"
      title={KIND_LABELS.course.create}
      saved="과정을 개설했습니다."
      send={(v, key) => post('/courses', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="title" label="과정명" rules={[required('과정명')]}>
            <Input autoFocus placeholder="예: 사무행정 실무" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="provider" label="훈련기관" rules={[required('훈련기관')]}>
            <Input placeholder="예: 나주직업전문학교" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="field" label="훈련 분야" rules={[required('훈련 분야')]}>
            <Input placeholder="예: 사무행정, 간호조무사" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Day name="startsOn" label="시작일" future />
        </Col>
        <Col {...third}>
          <Day name="endsOn" label="종료일" future />
        </Col>
        <Col {...third}>
          <Count name="hours" label="총 훈련시간" min={1} max={5000} suffix="시간" />
        </Col>
        <Col {...third}>
          <Count name="capacity" label="정원" min={1} max={1000} suffix="명" />
        </Col>
      </Row>
    </CenterForm>
  );
}

export function GroupProgramForm({ centerId, ...rest }: FormProps) {
  return (
    <CenterForm
      id="group-program"
      title={KIND_LABELS.group_program.create}
      saved="집단상담 프로그램을 개설했습니다."
      initialValues={{ year: dayjs().year() }}
      send={(v, key) => post('/group-programs', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label="프로그램명" rules={[required('프로그램명')]}>
            <Input autoFocus placeholder="예: 취업 솔루션" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Count name="year" label="운영 연도" min={2000} max={2100} />
        </Col>
        <Col {...half}>
          <Count name="plannedSessions" label="계획 회차" min={1} max={500} suffix="회" />
        </Col>
        <Col {...half}>
          <Count name="plannedParticipants" label="계획 참여 인원" min={1} max={100_000} suffix="명" />
        </Col>
      </Row>
    </CenterForm>
  );
}

export function GroupSessionForm({ centerId, program, ...rest }: FormProps & { program: CenterActivity }) {
  const clients = useQuery(centerClientsQuery(centerId));
  const next = (program.details.sessionsHeld ?? 0) + 1;
  return (
    <CenterForm
      id="group-session"
      title={`${program.title}: 회차 기록`}
      saved="회차를 기록했습니다."
      initialValues={{ sessionNo: next, walkInCount: 0, attendeeClientIds: [] }}
      send={(v, key) => post('/group-programs/{programId}/sessions', toBody(v), key, { programId: program.id })}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...third}>
          <Count name="sessionNo" label="회차" min={1} max={program.details.plannedSessions ?? 500} suffix="회차" />
        </Col>
        <Col {...third}>
          <Day name="heldOn" label="진행일" />
        </Col>
        <Col {...third}>
          <Form.Item name="topic" label="회차 주제">
            <Input placeholder="예: 이력서 쓰기" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="attendeeClientIds"
            label="참석한 구직자"
            extra="우리 센터 구직자만 고를 수 있습니다. 서비스 동의가 있어야 합니다."
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              loading={clients.isPending}
              placeholder="이름으로 찾기"
              options={(clients.data ?? [])
                .filter((c) => c.name)
                .map((c) => ({ value: c.clientId, label: `${c.name} (${c.birthDate?.slice(0, 4) ?? ''})` }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Count name="walkInCount" label="그 밖의 참여자 (미등록)" suffix="명" />
        </Col>
      </Row>
    </CenterForm>
  );
}

export function OutreachForm({ centerId, counselorId, ...rest }: FormProps & { counselorId: string }) {
  const counselorOptions = useCenterCounselorOptions(useSession());
  return (
    <CenterForm
      id="outreach"
      title={KIND_LABELS.outreach.create}
      saved="찾아가는 이동상담을 기록했습니다."
      initialValues={{ counselorIds: [counselorId], walkInContacts: 0 }}
      send={(v, key) => post('/outreach-events', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="place" label="장소" rules={[required('장소')]} extra="아파트 단지, 역, 공공기관 등">
            <Input autoFocus placeholder="예: 빛가람동 아파트 단지" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Day name="heldOn" label="날짜" />
        </Col>
        <Col {...half}>
          <Form.Item
            name="counselorIds"
            label="나간 상담사"
            rules={[{ required: true, type: 'array', min: 1, message: '상담사를 한 명 이상 골라 주세요.' }]}
          >
            <Select mode="multiple" optionFilterProp="label" options={counselorOptions} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Count name="walkInContacts" label="현장 상담 인원 (미등록)" suffix="명" />
        </Col>
        <Col span={24}>
          <Form.Item
            name="notes"
            label="메모"
            rules={[{ max: 2000, message: '2,000자까지 입력할 수 있습니다.' }]}
            extra="개인을 알아볼 수 있는 내용은 적지 마세요."
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

export function EmployerForm({ centerId, ...rest }: FormProps) {
  return (
    <CenterForm
      id="employer"
      title={KIND_LABELS.employer.create}
      saved="구인업체를 등록했습니다."
      send={(v, key) => post('/employers', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label="업체명" rules={[required('업체명')]}>
            <Input autoFocus placeholder="예: (주)빛가람식품" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="businessRegistrationNumber"
            label="사업자등록번호"
            rules={[
              required('사업자등록번호'),
              { pattern: /^\d{3}-?\d{2}-?\d{5}$/, message: '000-00-00000 형식으로 입력해 주세요.' },
            ]}
          >
            <Input inputMode="numeric" placeholder="000-00-00000" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="industry" label="업종" rules={[required('업종')]}>
            <Input placeholder="예: 식료품 제조업" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="size" label="기업 규모" rules={[picked('기업 규모')]}>
            <Select placeholder="고르세요" options={EMPLOYER_SIZES.map((s) => ({ ...s }))} />
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

export function EmployerServiceForm({ centerId, employer, ...rest }: FormProps & { employer: CenterActivity }) {
  return (
    <CenterForm
      id="employer-service"
      title={`${employer.title}: 채용기업 사후관리 기록`}
      saved="채용기업 사후관리를 기록했습니다."
      send={(v, key) =>
        post('/employers/{employerId}/services', { ...toBody(v), centerId }, key, { employerId: employer.id })
      }
      {...rest}
    >
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="service" label="지원 내용" rules={[picked('지원 내용')]}>
            <Select placeholder="고르세요" options={EMPLOYER_SERVICES.map((s) => ({ ...s }))} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Day name="providedOn" label="제공일" />
        </Col>
        <Col {...third}>
          <Count name="participants" label="참여 인원" suffix="명" requiredField={false} />
        </Col>
        <Col span={24}>
          <Form.Item name="note" label="메모">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

export function AgreementForm({ centerId, ...rest }: FormProps) {
  const employers = useQuery(activityOptionsQuery(centerId, 'employer'));
  return (
    <CenterForm
      id="agreement"
      title={KIND_LABELS.agreement.create}
      saved="협약을 기록했습니다."
      initialValues={{ kind: 'women_friendly_company' }}
      send={(v, key) => post('/agreements', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="kind" label="협약 종류" rules={[picked('협약 종류')]}>
            <Select options={AGREEMENT_KINDS.map((k) => ({ ...k }))} />
          </Form.Item>
        </Col>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'women_friendly_company' ? (
              <Col {...half}>
                <Form.Item
                  name="employerId"
                  label="구인업체"
                  rules={[picked('구인업체')]}
                  extra="여성친화기업 협약은 등록된 구인업체와 맺습니다. 기간은 비워 두면 3년입니다."
                >
                  <Select
                    showSearch
                    optionFilterProp="label"
                    loading={employers.isPending}
                    placeholder="업체명으로 찾기"
                    options={(employers.data ?? []).map((e) => ({
                      value: e.id,
                      label: `${e.title} (${e.details.businessRegistrationNumber ?? ''})`,
                    }))}
                  />
                </Form.Item>
              </Col>
            ) : (
              <Col {...half}>
                <Form.Item name="partyName" label="협약 기관" rules={[required('협약 기관')]}>
                  <Input placeholder="예: 나주시가족센터" />
                </Form.Item>
              </Col>
            )
          }
        </Form.Item>
        <Col {...third}>
          <Day name="signedOn" label="체결일" />
        </Col>
        <Col {...third}>
          <Day name="termStart" label="협약 시작일" future />
        </Col>
        <Col {...third}>
          <Form.Item noStyle dependencies={['kind']}>
            {({ getFieldValue }) => (
              <Day
                name="termEnd"
                label="협약 종료일"
                future
                rules={getFieldValue('kind') === 'institution_mou' ? [picked('협약 종료일')] : []}
              />
            )}
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

export function AgreementRenewalForm({ agreement, ...rest }: FormProps & { agreement: CenterActivity }) {
  return (
    <CenterForm
      id="agreement-renewal"
      title={`${agreement.title}: 협약 갱신`}
      submitLabel="갱신"
      saved="협약을 갱신했습니다."
      send={(v, key) => post('/agreements/{agreementId}/renewal', toBody(v), key, { agreementId: agreement.id })}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Day name="renewedOn" label="갱신일" />
        </Col>
        <Col {...half}>
          <Day name="newTermEnd" label="새 종료일" future />
        </Col>
      </Row>
    </CenterForm>
  );
}

export function AgreementEndForm({ agreement, ...rest }: FormProps & { agreement: CenterActivity }) {
  return (
    <CenterForm
      id="agreement-end"
      title={`${agreement.title}: 협약 종료`}
      submitLabel="종료 기록"
      saved="협약 종료를 기록했습니다."
      send={(v, key) => post('/agreements/{agreementId}/end', toBody(v), key, { agreementId: agreement.id })}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Day name="endedOn" label="종료일" />
        </Col>
        <Col {...half}>
          <Form.Item name="reason" label="종료 사유" rules={[required('종료 사유')]}>
            <Input placeholder="예: 사업 종료, 갱신하지 않음" />
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

export function JobFairForm({ centerId, ...rest }: FormProps) {
  return (
    <CenterForm
      id="job-fair"
      title={KIND_LABELS.job_fair.create}
      saved="취업박람회를 기록했습니다."
      send={(v, key) => post('/job-fairs', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label="박람회명" rules={[required('박람회명')]}>
            <Input autoFocus placeholder="예: 나주 여성 채용박람회" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Day name="heldOn" label="개최일" />
        </Col>
        <Col {...third}>
          <Count name="companies" label="참여 기업 수" suffix="곳" />
        </Col>
        <Col {...third}>
          <Count name="applicants" label="구직자(지원자) 수" suffix="명" />
        </Col>
        <Col {...third}>
          <Form.Item noStyle dependencies={['applicants']}>
            {({ getFieldValue }) => (
              <Count name="hires" label="채용 인원" suffix="명" max={getFieldValue('applicants') ?? 100_000} />
            )}
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

export function CouncilMeetingForm({ centerId, ...rest }: FormProps) {
  return (
    <CenterForm
      id="council-meeting"
      title={KIND_LABELS.council_meeting.create}
      saved="협의체 회의를 기록했습니다."
      initialValues={{ attendees: [] }}
      send={(v, key) => post('/council-meetings', { ...toBody(v), centerId }, key)}
      {...rest}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="title" label="회의명" rules={[required('회의명')]}>
            <Input autoFocus placeholder="예: 여성일자리 실무협의체" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Day name="heldOn" label="개최일" />
        </Col>
        <Col span={24}>
          <Form.Item
            name="attendees"
            label="참석 기관·위원"
            extra="입력하고 Enter를 누르면 더해집니다. 구직자는 적지 않습니다."
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',']} placeholder="예: 나주시청" />
          </Form.Item>
        </Col>
      </Row>
    </CenterForm>
  );
}

/** The form that creates a record of each kind. */
export function CreateForm({ kind, counselorId, ...props }: FormProps & { kind: ActivityKind; counselorId: string }) {
  switch (kind) {
    case 'course':
      return <CourseForm {...props} />;
    case 'group_program':
      return <GroupProgramForm {...props} />;
    case 'outreach':
      return <OutreachForm {...props} counselorId={counselorId} />;
    case 'employer':
      return <EmployerForm {...props} />;
    case 'agreement':
      return <AgreementForm {...props} />;
    case 'job_fair':
      return <JobFairForm {...props} />;
    case 'council_meeting':
      return <CouncilMeetingForm {...props} />;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}
