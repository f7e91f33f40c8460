import { Alert, Card, Divider, Typography } from 'antd';
import centers from '../../../../../../config/centers.json';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { centerName, today } from '../../../components/format';
import { caseCommandInvalidates } from '../api';
import { RecordForm } from '../../../components/RecordForm';
import { FormPicker } from '../forms/FormPicker';
import { ChoiceField, DateField, MoneyField, NotesField, NumberField, TextField, lines } from '../forms/fields';
import { CAREER_BREAK_REASONS, DESIRED_EMPLOYMENT_TYPES, EDUCATION, REGIONS } from '../terms';
import type { CaseTabProps } from './tab-props';

type Schemas = components['schemas'];
type ProfileForm = Omit<Schemas['UpdateClientProfileBody'], 'certifications'> & { certifications?: string };

const CENTER_NAMES = Object.fromEntries(
  Object.entries((centers as { centers: Record<string, { name: string }> }).centers).map(([id, c]) => [id, c.name]),
) as Record<string, string>;
const REGION_LABELS = Object.fromEntries(REGIONS.map((r) => [r, r])) as Record<string, string>;

/** 기본 정보·이관·종결: her profile, a transfer to another counselor or center, closing and reopening her case. */
export default function ProfileTab({ clientId, search, setSearch, summary }: CaseTabProps) {
  const close = () => setSearch({ tab: 'profile' });
  const invalidates = caseCommandInvalidates(clientId);
  const closed = summary.status === 'closed';
  const known: ProfileForm = {
    name: summary.name ?? undefined,
    birthDate: summary.birthDate ?? undefined,
    phone: summary.phone ?? undefined,
    region: summary.region as ProfileForm['region'],
  };
  return (
    <Card>
      <h2 className="saeil-card-title">기본 정보·이관·종결</h2>
      <FormPicker
        label="사례 관리"
        forms={[
          { form: 'profile', label: '프로필 수정', disabled: summary.erased },
          { form: 'transfer', label: '담당자 변경·이관', disabled: closed },
          closed ? { form: 'reopening', label: '사례 재개' } : { form: 'closure', label: '사례 종결' },
        ]}
        search={search}
        setSearch={setSearch}
      />
      {!search.form && (
        <Typography.Paragraph type="secondary">
          위의 단추로 양식을 여세요. 프로필 수정은 바꾼 항목만 저장합니다.
        </Typography.Paragraph>
      )}
      {search.form === 'profile' && (
        <RecordForm<ProfileForm, { position?: number }>
          inCase
          id="profile"
          title="프로필 수정"
          initialValues={known}
          resetOnSave={false}
          send={async ({ certifications, ...v }, key) => {
            // Only what she changed or filled in: the API changes the fields it is sent.
            const body: Schemas['UpdateClientProfileBody'] = {};
            for (const [field, value] of Object.entries(v) as [keyof ProfileForm, unknown][]) {
              if (value === undefined || value === null || value === '') continue;
              if (known[field] === value) continue;
              (body as Record<string, unknown>)[field] = value;
            }
            if (certifications !== undefined && certifications.trim() !== '')
              body.certifications = lines(certifications);
            return unwrap(
              await api.PATCH('/clients/{clientId}/profile', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body,
              }),
            );
          }}
          invalidates={invalidates}
          saved={() => '프로필을 수정했습니다.'}
          onCancel={close}
        >
          <Divider titlePlacement="start" plain>
            인적 사항
          </Divider>
          <TextField name="name" label="이름" optional />
          <DateField name="birthDate" label="생년월일" optional />
          <TextField name="phone" label="연락처" optional placeholder="010-1234-5678" />
          <ChoiceField name="region" label="시·도" labels={REGION_LABELS} optional />
          <Divider titlePlacement="start" plain>
            경력·희망 조건
          </Divider>
          <ChoiceField name="education" label="최종학력" labels={EDUCATION} optional />
          <ChoiceField name="careerBreakReason" label="경력단절 사유" labels={CAREER_BREAK_REASONS} optional />
          <NumberField name="careerBreakYears" label="경력단절 기간" min={0} max={60} step={0.5} unit="년" optional />
          <TextField name="lastOccupation" label="최근 직종" optional />
          <NumberField name="experienceYears" label="최근 직종 경력" min={0} max={60} unit="년" optional />
          <TextField name="desiredOccupation" label="희망 직종" optional />
          <ChoiceField name="desiredEmploymentType" label="희망 고용형태" labels={DESIRED_EMPLOYMENT_TYPES} optional />
          <NumberField name="desiredHoursPerWeek" label="희망 근로시간 (주)" min={1} max={80} unit="시간" optional />
          <MoneyField name="desiredMonthlyWage" label="희망 월급여" optional />
          <NotesField name="certifications" label="자격증 (한 줄에 하나, 적으면 목록 전체를 바꿉니다)" rows={2} />
          <NotesField name="childcareNeeds" label="돌봄 필요 사항" rows={2} />
        </RecordForm>
      )}
      {search.form === 'transfer' && (
        <RecordForm<Schemas['AssignCounselorBody'], { position?: number }>
          inCase
          id="transfer"
          title="담당자 변경·이관"
          initialValues={{ centerId: summary.centerId }}
          send={async (body, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/assignment', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          invalidates={invalidates}
          saved={(_, v) => `${centerName(v.centerId)} ${v.counselorId} 상담사에게 배정했습니다.`}
          onSaved={close}
          onCancel={close}
        >
          <Alert
            type="info"
            showIcon
            title="다른 센터로 이관하면 그 센터의 상담사와 관리자만 이 사례를 보게 됩니다."
            style={{ marginBottom: 12 }}
          />
          <ChoiceField name="centerId" label="맡을 센터" labels={CENTER_NAMES} />
          <TextField name="counselorId" label="맡을 상담사 (사용자 이름)" />
          <TextField name="reason" label="사유" optional placeholder="거주지 이전" />
        </RecordForm>
      )}
      {search.form === 'closure' && !closed && (
        <RecordForm<Schemas['CloseCaseBody'], { position?: number }>
          inCase
          id="closure"
          title="사례 종결"
          submitLabel="종결"
          initialValues={{ closedOn: today() }}
          send={async (body, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/closure', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          invalidates={invalidates}
          saved={() => '사례를 종결했습니다.'}
          onSaved={close}
          onCancel={close}
        >
          <TextField name="reason" label="종결 사유" placeholder="취업 후 사후관리 종료" />
          <DateField name="closedOn" label="종결일" />
        </RecordForm>
      )}
      {search.form === 'reopening' && closed && (
        <RecordForm<Schemas['ReopenCaseBody'], { position?: number }>
          inCase
          id="reopening"
          title="사례 재개"
          submitLabel="재개"
          initialValues={{ reopenedOn: today() }}
          send={async (body, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/reopening', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          invalidates={invalidates}
          saved={() => '사례를 다시 열었습니다.'}
          onSaved={close}
          onCancel={close}
        >
          <TextField name="reason" label="재개 사유" placeholder="퇴사 후 재취업 희망" />
          <DateField name="reopenedOn" label="재개일" />
        </RecordForm>
      )}
    </Card>
  );
}
