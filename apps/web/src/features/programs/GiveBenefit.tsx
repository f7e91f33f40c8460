import { Alert, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { won } from '../../components/figures';
import { today } from '../../components/format';
import { RecordDialog } from '../../components/RecordDialog';
import { FUNDING_SOURCE_NAMES } from '../../components/statistics-terms';
import { giveBenefit, programKeys, SOURCES, type RetentionProgram } from './api';
import type { EligibleBenefit } from './eligible';

interface GiveValues {
  providedOn: Dayjs;
  fundingSource: string;
  note?: string;
  overPlan?: boolean;
  overPlanReason?: string;
}

/** The body's 'overPlan.reason' is the form's 'overPlanReason'. */
export const giveBenefitFieldFor = (path: (string | number)[]) =>
  path[0] === 'overPlan' && path[1] === 'reason' ? ['overPlanReason'] : undefined;

export function GiveBenefit({
  program,
  target,
  onClose,
}: {
  program: RetentionProgram;
  target: EligibleBenefit | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<GiveValues>();
  const overPlan = Form.useWatch('overPlan', form);
  const milestone = program.milestones.find((m) => m.n === target?.n);
  const full = milestone ? milestone.given >= milestone.planned : false;
  // Every refusal is said in the dialog (RecordForm): a field's under it, one without a field above the button.
  return (
    <RecordDialog<GiveValues, Awaited<ReturnType<typeof giveBenefit>>>
      id="give-benefit"
      open={target !== null}
      title={`${target?.name ?? ''} ${target?.n ?? ''}개월 지원`}
      submitLabel="지원 기록"
      form={form}
      initialValues={{ providedOn: dayjs(), fundingSource: program.budget[0]?.source ?? 'national' }}
      send={(v, key) =>
        giveBenefit(
          program.programId,
          {
            clientId: target!.clientId,
            placementId: target!.placementId,
            n: target!.n,
            providedOn: v.providedOn.format('YYYY-MM-DD'),
            fundingSource: v.fundingSource as never,
            ...(v.note ? { note: v.note } : {}),
            ...(v.overPlan ? { overPlan: { reason: v.overPlanReason ?? '' } } : {}),
          },
          key,
        )
      }
      invalidates={[programKeys.all, ['budget-plans']]}
      saved={() => `${target?.name ?? ''} ${target?.n ?? ''}개월 지원을 기록했습니다.`}
      fieldFor={giveBenefitFieldFor}
      onClose={onClose}
    >
      {milestone && (
        <Typography.Paragraph>
          {milestone.benefit} · {won(milestone.unitCost)} · 지원 {milestone.given}/{milestone.planned}명
        </Typography.Paragraph>
      )}
      {full && (
        <Alert
          type="warning"
          showIcon
          title="이 시점의 계획 인원이 다 찼습니다. 계획을 넘겨 지원하려면 사유를 남기세요."
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item name="providedOn" label="지원일" rules={[{ required: true, message: '지원일을 골라 주세요.' }]}>
        <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today()} />
      </Form.Item>
      <Form.Item name="fundingSource" label="재원" rules={[{ required: true, message: '재원을 골라 주세요.' }]}>
        <Select options={SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_NAMES[s] }))} />
      </Form.Item>
      <Form.Item name="note" label="메모">
        <Input />
      </Form.Item>
      <Form.Item name="overPlan" valuePropName="checked">
        <Checkbox>계획 인원을 넘겨 지원</Checkbox>
      </Form.Item>
      {overPlan && (
        <Form.Item
          name="overPlanReason"
          label="계획 초과 사유"
          rules={[{ required: true, whitespace: true, message: '계획을 넘기는 사유를 입력해 주세요.' }]}
        >
          <Input />
        </Form.Item>
      )}
    </RecordDialog>
  );
}
