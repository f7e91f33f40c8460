import { Alert, Card, Empty, Form, Skeleton, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { describeError, unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { koreanDate, today } from '../../../components/format';
import { caseCommandInvalidates, counselingSessionsQuery } from '../api';
import { RecordForm } from '../../../components/RecordForm';
import { FormPicker } from '../forms/FormPicker';
import { ChoiceField, DateField, NotesField, NumberField, TextField } from '../forms/fields';
import { SESSION_CHANNELS } from '../terms';
import type { CaseTabProps } from './tab-props';

type SessionBody = components['schemas']['RecordCounselingSessionBody'];

/** 상담: her individual counseling sessions (newest first) and the form to record one. */
export default function SessionsTab({ clientId, search, setSearch, summary }: CaseTabProps) {
  const sessions = useQuery(counselingSessionsQuery(clientId));
  return (
    <Card>
      <h2 className="saeil-card-title">
        개별상담 기록{' '}
        {sessions.data && (
          <Typography.Text type="secondary">
            ({sessions.data.total}회, 모두 {sessions.data.totalMinutes}분)
          </Typography.Text>
        )}
      </h2>
      <FormPicker
        label="상담 기록하기"
        forms={[{ form: 'session', label: '상담 기록', disabled: summary.status === 'closed' }]}
        search={search}
        setSearch={setSearch}
      />
      {search.form === 'session' && (
        <RecordForm<SessionBody, { position?: number }>
          inCase
          id="session"
          title="개별상담 기록"
          initialValues={{ occurredOn: today(), channel: 'in_center', durationMinutes: 50 }}
          send={async (body, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/counseling-sessions', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          invalidates={caseCommandInvalidates(clientId)}
          saved={(_, v) => `${koreanDate(v.occurredOn)} 상담(${v.topic})을 기록했습니다.`}
          onCancel={() => setSearch({ tab: 'sessions' })}
        >
          <DateField name="occurredOn" label="상담일" />
          <ChoiceField name="channel" label="상담 방법" labels={SESSION_CHANNELS} />
          <PlaceField />
          <TextField name="topic" label="상담 주제" placeholder="이력서 작성" />
          <NumberField name="durationMinutes" label="상담 시간" min={1} max={480} unit="분" />
          <NotesField name="notes" label="상담 내용" rows={4} />
        </RecordForm>
      )}
      {sessions.isPending ? (
        <Skeleton active />
      ) : sessions.isError ? (
        <Alert type="error" showIcon title={describeError(sessions.error)} />
      ) : sessions.data.items.length === 0 ? (
        <Empty description="아직 상담 기록이 없습니다. ‘상담 기록’으로 첫 상담을 남겨 주세요." />
      ) : (
        <Table
          size="small"
          rowKey="sessionId"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={sessions.data.items}
          columns={[
            { title: '상담일', dataIndex: 'occurredOn', render: (d: string) => koreanDate(d), width: 130 },
            {
              title: '방법',
              dataIndex: 'channel',
              render: (c: keyof typeof SESSION_CHANNELS, s) =>
                `${SESSION_CHANNELS[c] ?? c}${s.place ? ` (${s.place})` : ''}`,
              width: 140,
            },
            { title: '주제', dataIndex: 'topic' },
            { title: '시간', dataIndex: 'durationMinutes', render: (m: number) => `${m}분`, width: 70 },
            {
              title: '내용',
              dataIndex: 'notes',
              render: (n: string | undefined, s) => (s.notesErased ? '(파기됨)' : (n ?? '')),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The place: asked only for a mobile outreach (where) or a partner institution (which one). */
function PlaceField() {
  const channel = Form.useWatch('channel');
  if (channel !== 'mobile_outreach' && channel !== 'partner_institution') return null;
  return <TextField name="place" label={channel === 'mobile_outreach' ? '상담 장소' : '협약 기관'} />;
}
