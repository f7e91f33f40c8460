import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useSession } from '../../app/use-session';
import { useCenterCounselorOptions } from '../../components/center-counselors';
import { CASE_WORKERS } from '../../components/domain-terms';
import { centerName, centerRegion } from '../../components/format';
import { RecordForm } from '../../components/RecordForm';
import { registerClient, type IntakeValues } from './api';
import { duplicateAnswer, type DuplicateAnswer } from './duplicate';
import {
  CAREER_BREAK_REASONS,
  CONSENT_PURPOSES,
  CURRENT_CONSENT_FORM,
  EDUCATION,
  EMPLOYMENT_TYPES,
  REGIONS,
} from './terms';

const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');
const wholeWon = (value: number | string | undefined) =>
  value === undefined || value === '' ? '' : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 구직 등록: her identity, her profile, the consents she signed; then her new case page. */
export function IntakePage() {
  const principal = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeValues>();
  const [duplicate, setDuplicate] = useState<DuplicateAnswer | null>(null);
  /** The existing clients she confirmed to be another woman (sent as allowDuplicateOf). */
  const confirmedOthers = useRef<string[]>([]);
  const counselorOptions = useCenterCounselorOptions(principal);
  if (!principal) return null;
  if (!principal.centerId || !CASE_WORKERS.includes(principal.role)) {
    return <Alert type="info" showIcon title="구직 등록은 센터의 상담사와 센터장이 합니다." />;
  }
  const centerId = principal.centerId;

  const registerAnyway = (ids: string[]) => {
    confirmedOthers.current = ids;
    setDuplicate(null);
    form.submit();
  };

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        구직 등록
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {centerName(centerId)}에 구직자를 등록합니다. 같은 사람이 이미 등록되어 있는지는 등록할 때 확인합니다
        (생년월일과 전화번호, 또는 이름과 생년월일).
      </Typography.Paragraph>
      {duplicate && (
        <DuplicateNotice
          answer={duplicate}
          onOpenCase={(clientId) => void navigate({ to: '/cases/$clientId', params: { clientId } })}
          onRegisterAnyway={registerAnyway}
          onDismiss={() => setDuplicate(null)}
        />
      )}
      <RecordForm<IntakeValues, { clientId: string; position: number }>
        id="intake"
        form={form}
        submitLabel="구직 등록"
        initialValues={{
          counselorId: principal.accountId,
          region: centerRegion(centerId) as IntakeValues['region'],
          consentVersion: CURRENT_CONSENT_FORM,
          consents: [],
        }}
        send={(values, key) => registerClient({ ...values, allowDuplicateOf: confirmedOthers.current }, centerId, key)}
        invalidates={[['caseload'], ['work-queue']]}
        saved={() => '구직자를 등록했습니다.'}
        onSaved={(result) => {
          confirmedOthers.current = [];
          void navigate({ to: '/cases/$clientId', params: { clientId: result.clientId } });
        }}
        onRefused={(error) => {
          const answer = duplicateAnswer(error);
          if (!answer) return false;
          confirmedOthers.current = [];
          setDuplicate(answer);
          return true;
        }}
      >
        <fieldset className="saeil-fieldset">
          <legend>인적 사항</legend>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="이름"
                name="name"
                rules={[
                  { required: true, whitespace: true, message: '이름을 입력해 주세요.' },
                  { max: 50, message: '50자까지 입력할 수 있습니다.' },
                ]}
              >
                <Input autoComplete="off" autoFocus />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="생년월일"
                name="birthDate"
                rules={[{ required: true, message: '생년월일을 골라 주세요.' }]}
                extra="예: 1985-03-05"
              >
                <DatePicker
                  format="YYYY-MM-DD"
                  disabledDate={notFuture}
                  style={{ width: '100%' }}
                  placeholder="YYYY-MM-DD"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="전화번호"
                name="phone"
                rules={[
                  { required: true, whitespace: true, message: '전화번호를 입력해 주세요.' },
                  { pattern: /^[0-9+\-\s()]{9,20}$/, message: '숫자와 하이픈으로 입력해 주세요. 예: 010-1234-5678' },
                ]}
              >
                <Input inputMode="tel" autoComplete="off" placeholder="010-1234-5678" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="시·도" name="region" rules={[{ required: true, message: '시·도를 골라 주세요.' }]}>
                <Select showSearch options={REGIONS.map((r) => ({ value: r, label: r }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="담당 상담사"
                name="counselorId"
                rules={[{ required: true, message: '담당 상담사를 골라 주세요.' }]}
                extra="처음에는 등록하는 사람이 맡습니다. 나중에 사례 화면에서 바꿀 수 있습니다."
              >
                <Select showSearch optionFilterProp="label" options={counselorOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="등록일" name="registeredOn" extra="비워 두면 오늘입니다. 늦게 기록할 때만 고르세요.">
                <DatePicker format="YYYY-MM-DD" disabledDate={notFuture} style={{ width: '100%' }} placeholder="오늘" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>

        <fieldset className="saeil-fieldset">
          <legend>경력과 희망 일자리</legend>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="경력단절 사유" name="careerBreakReason">
                <Select allowClear placeholder="고르세요" options={CAREER_BREAK_REASONS.map((r) => ({ ...r }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="경력단절 기간 (년)"
                name="careerBreakYears"
                rules={[{ type: 'number', min: 0, max: 60, message: '0~60년 사이로 입력해 주세요.' }]}
              >
                <InputNumber min={0} max={60} step={0.5} precision={1} style={{ width: '100%' }} suffix="년" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="최종학력" name="education">
                <Select allowClear placeholder="고르세요" options={EDUCATION.map((e) => ({ ...e }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="최근 직종"
                name="lastOccupation"
                rules={[{ max: 100, message: '100자까지 입력할 수 있습니다.' }]}
              >
                <Input placeholder="예: 회계 사무원" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="최근 직종 경력 (년)"
                name="experienceYears"
                rules={[{ type: 'number', min: 0, max: 60, message: '0~60년 사이로 입력해 주세요.' }]}
              >
                <InputNumber min={0} max={60} style={{ width: '100%' }} suffix="년" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="희망 직종"
                name="desiredOccupation"
                rules={[{ max: 100, message: '100자까지 입력할 수 있습니다.' }]}
              >
                <Input placeholder="예: 사무보조" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="희망 고용형태" name="desiredEmploymentType">
                <Select allowClear placeholder="고르세요" options={EMPLOYMENT_TYPES.map((t) => ({ ...t }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="희망 근로시간 (주당)"
                name="desiredHoursPerWeek"
                rules={[{ type: 'number', min: 1, max: 80, message: '1~80시간 사이로 입력해 주세요.' }]}
              >
                <InputNumber min={1} max={80} style={{ width: '100%' }} suffix="시간" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="희망 월급여"
                name="desiredMonthlyWage"
                rules={[{ type: 'number', min: 0, max: 100_000_000, message: '0~1억 원 사이로 입력해 주세요.' }]}
              >
                <InputNumber<number>
                  min={0}
                  max={100_000_000}
                  step={100_000}
                  formatter={wholeWon}
                  parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))}
                  style={{ width: '100%' }}
                  suffix="원"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="자격증" name="certifications" extra="입력하고 Enter를 누르면 하나씩 더해집니다.">
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',']}
                  placeholder="예: 전산회계 2급"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="돌봄 필요 사항"
                name="childcareNeeds"
                rules={[{ max: 500, message: '500자까지 입력할 수 있습니다.' }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="예: 초등학생 자녀 하교 후 돌봄" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>

        <fieldset className="saeil-fieldset">
          <legend>개인정보 동의</legend>
          <Form.Item
            name="consents"
            label="본인이 서명한 동의"
            extra="서명을 받은 항목만 고르세요. 동의는 사례 화면에서 나중에 받거나 철회할 수도 있습니다."
          >
            <Checkbox.Group>
              <Space direction="vertical">
                {CONSENT_PURPOSES.map((p) => (
                  <Checkbox key={p.value} value={p.value}>
                    {p.label} <Typography.Text type="secondary">— {p.hint}</Typography.Text>
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="동의서 양식 버전"
                name="consentVersion"
                rules={[{ required: true, whitespace: true, message: '동의서 양식 버전을 입력해 주세요.' }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
      </RecordForm>
    </>
  );
}

/** The duplicate answer, in words, with the way forward. */
export function DuplicateNotice({
  answer,
  onOpenCase,
  onRegisterAnyway,
  onDismiss,
}: {
  answer: DuplicateAnswer;
  onOpenCase: (clientId: string) => void;
  onRegisterAnyway: (ids: string[]) => void;
  onDismiss: () => void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="saeil-duplicate"
      title={answer.title}
      style={{ marginBottom: 16 }}
      description={
        <>
          <ol className="saeil-steps">
            {answer.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <Space wrap>
            {answer.kind === 'same_center' &&
              answer.existingClientIds.map((id, i) => (
                <Button key={id} type="primary" onClick={() => onOpenCase(id)}>
                  기존 사례 열기{answer.existingClientIds.length > 1 ? ` ${i + 1}` : ''}
                </Button>
              ))}
            {answer.kind === 'same_center' && answer.existingClientIds.length > 0 && (
              <Button onClick={() => onRegisterAnyway(answer.existingClientIds)}>다른 사람임을 확인하고 등록</Button>
            )}
            <Button type="text" onClick={onDismiss}>
              입력 내용 고치기
            </Button>
          </Space>
        </>
      }
    />
  );
}
