import { Button, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { koreanDate, today } from '../../components/format';
import { caseCommandInvalidates } from './api';
import { RecordForm } from '../../components/RecordForm';
import { ChoiceField, DateField, TextField } from './forms/fields';
import { CONSENT_PURPOSES, TONES, type ConsentPurpose } from './terms';
import { consentStates } from './timeline-facts';
import type { CaseTabProps } from './tabs/tab-props';

/** 동의: each purpose given or not (from her timeline), with 동의 받기 and 철회. */
export function ConsentsPanel({ clientId, search, setSearch, timeline, loading }: CaseTabProps & { loading: boolean }) {
  const [withdrawing, setWithdrawing] = useState<ConsentPurpose | null>(null);
  const states = consentStates(timeline);
  const invalidates = caseCommandInvalidates(clientId);
  const open = search.form === 'consent';
  return (
    <Card title={<h2 className="saeil-card-title">개인정보 동의</h2>} style={{ marginBottom: 16 }} size="small">
      {loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <ul className="saeil-consents" aria-label="동의 현황">
          {states.map((s) => (
            <li key={s.purpose}>
              <Typography.Text strong>{CONSENT_PURPOSES[s.purpose]}</Typography.Text>{' '}
              {s.given ? (
                <Tag style={TONES.good}>
                  동의 (서식 {s.version}, {koreanDate(s.on)})
                </Tag>
              ) : (
                <Tag>{s.on ? `철회됨 (${koreanDate(s.on)})` : '동의 없음'}</Tag>
              )}
              {s.given && (
                <Button
                  size="small"
                  onClick={() => setWithdrawing(withdrawing === s.purpose ? null : s.purpose)}
                  aria-expanded={withdrawing === s.purpose}
                >
                  {CONSENT_PURPOSES[s.purpose]} 동의 철회
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Space wrap>
        <Button
          aria-pressed={open}
          onClick={() => setSearch(open ? { ...search, form: undefined } : { ...search, form: 'consent' })}
        >
          동의 받기
        </Button>
      </Space>
      {open && (
        <RecordForm<{ purpose: ConsentPurpose; version: string; givenOn: string }, { position?: number }>
          inCase
          id="consent-give"
          title="동의 받기"
          initialValues={{ givenOn: today(), version: '2026-01' }}
          send={async (body, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/consents', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          invalidates={invalidates}
          saved={(_, v) => `${CONSENT_PURPOSES[v.purpose]} 동의를 기록했습니다.`}
          onCancel={() => setSearch({ ...search, form: undefined })}
        >
          <ChoiceField name="purpose" label="동의 항목" labels={CONSENT_PURPOSES} />
          <TextField name="version" label="동의서 서식 버전" placeholder="2026-01" />
          <DateField name="givenOn" label="서명일" />
        </RecordForm>
      )}
      {withdrawing && (
        <RecordForm<{ withdrawnOn: string }, { position?: number }>
          inCase
          key={withdrawing}
          id="consent-withdraw"
          title={`${CONSENT_PURPOSES[withdrawing]} 동의 철회`}
          submitLabel="철회 기록"
          initialValues={{ withdrawnOn: today() }}
          send={async (body, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/consents/{purpose}/withdrawal', {
                params: { path: { clientId, purpose: withdrawing }, header: { 'Idempotency-Key': key } },
                body,
              }),
            )
          }
          invalidates={invalidates}
          saved={() => `${CONSENT_PURPOSES[withdrawing]} 동의 철회를 기록했습니다.`}
          onSaved={() => setWithdrawing(null)}
          onCancel={() => setWithdrawing(null)}
        >
          <DateField name="withdrawnOn" label="철회일" />
        </RecordForm>
      )}
    </Card>
  );
}
