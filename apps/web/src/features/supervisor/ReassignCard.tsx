import { Alert, Button, Card, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { describeError, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { stageLabel } from '../../components/domain-terms';
import { RecordDialog } from '../../components/RecordDialog';
import { supervisorKeys } from './api';

type Report = components['schemas']['ReassignmentReport'];
type CaseRow = {
  clientId: string;
  name: string | null;
  status: string;
  counselorId: string;
  counselorName?: string | null;
};

/** Korean for why a case did not move (the API's `reason`; its message is shown too). */
const NOT_MOVED: Record<string, string> = {
  NOT_FOUND: '찾을 수 없는 사례',
  CLIENT_DATA_ERASED: '개인정보가 파기된 사례',
  CASE_CLOSED: '종결된 사례',
  NOT_HERS: '그 상담사의 사례가 아님',
  CHANGED_MEANWHILE: '그사이 다른 변경이 있었음',
};

/** The caseload answers at most 200 cases a page. */
export const REASSIGN_SCAN = 200;

/**
 * 담당자 일괄 이관: a leaving counselor's open cases moved to one or several others of the center
 * in one action — select (her cases, all by default), preview (how many to whom, in a dialog that
 * asks the reason and confirms: RecordDialog, so a refusal is said there and a 429 counts down). The
 * API moves each case by its own assignment and answers what moved and what did not; a retry
 * (the same Idempotency-Key, kept until it is accepted) answers the same report.
 * The counselors offered are those who carry cases of the center now (read from the caseload:
 * a supervisor cannot list accounts); a new colleague with no case yet is not among them.
 */
export function ReassignCard({ centerId }: { centerId: string }) {
  const cases = useQuery({
    queryKey: [...supervisorKeys.all, 'center-cases', centerId],
    queryFn: async () =>
      unwrap(
        await api.GET('/caseload', { params: { query: { centerId, pageSize: REASSIGN_SCAN, ...minPositionParam() } } }),
      ),
  });
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [previewing, setPreviewing] = useState(false);
  const [report, setReport] = useState<Report>();

  const rows = useMemo(() => (cases.data?.items ?? []) as CaseRow[], [cases.data]);
  const counselors = useMemo(() => {
    const byId = new Map<string, { id: string; name: string; open: number }>();
    for (const c of rows) {
      const entry = byId.get(c.counselorId) ?? { id: c.counselorId, name: c.counselorName ?? c.counselorId, open: 0 };
      if (c.status !== 'closed') entry.open += 1;
      byId.set(c.counselorId, entry);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ko'));
  }, [rows]);
  const hers = rows.filter((c) => c.counselorId === from && c.status !== 'closed');
  const chosen = hers.filter((c) => !excluded.has(c.clientId));
  const nameOf = (id: string) => counselors.find((c) => c.id === id)?.name ?? id;

  const send = async (input: { from: string; body: components['schemas']['ReassignCaseloadBody'] }, key: string) =>
    unwrap(
      await api.POST('/counselors/{counselorId}/reassignment', {
        params: { path: { counselorId: input.from }, header: { 'Idempotency-Key': key } },
        body: input.body,
      }),
    ) as Report & { position?: number };

  const reset = () => {
    setPreviewing(false);
    setReport(undefined);
  };

  if (report) {
    return (
      <Card title={<h2 className="saeil-card-title">담당자 일괄 이관 결과</h2>}>
        <Alert
          type={report.notMoved.length ? 'warning' : 'success'}
          showIcon
          role="status"
          title={`${report.moved.length}건을 옮겼습니다${report.notMoved.length ? `, ${report.notMoved.length}건은 옮기지 못했습니다` : ''}.`}
          style={{ marginBottom: 12 }}
        />
        {report.moved.length > 0 && (
          <ul className="saeil-list" aria-label="옮긴 사례">
            {report.moved.map((m) => (
              <li key={m.clientId}>
                <Link to="/cases/$clientId" params={{ clientId: m.clientId }}>
                  {rows.find((r) => r.clientId === m.clientId)?.name ?? '(개인정보 파기됨)'}
                </Link>
                <span>→ {nameOf(m.toCounselorId)}</span>
              </li>
            ))}
          </ul>
        )}
        {report.notMoved.length > 0 && (
          <ul className="saeil-list" aria-label="옮기지 못한 사례">
            {report.notMoved.map((m) => (
              <li key={m.clientId}>
                <span>{rows.find((r) => r.clientId === m.clientId)?.name ?? m.clientId}</span>
                <span>
                  {NOT_MOVED[m.reason] ?? m.reason}: {m.message}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Button onClick={reset} style={{ marginTop: 12 }}>
          다른 이관 하기
        </Button>
      </Card>
    );
  }

  return (
    <Card title={<h2 className="saeil-card-title">담당자 일괄 이관</h2>}>
      <Typography.Paragraph type="secondary">
        퇴사하거나 휴직하는 상담사의 진행 중인 사례를 한 번에 다른 상담사에게 옮깁니다. 사례마다 담당자 변경이 기록되고,
        사후관리 일정도 함께 옮겨집니다.
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <label>
          <span className="saeil-figure-title">옮길 사례의 상담사</span>
          <Select
            aria-label="옮길 사례의 상담사"
            placeholder="상담사 선택"
            style={{ width: '100%' }}
            loading={cases.isLoading}
            value={from}
            onChange={(value: string) => {
              setFrom(value);
              setTo((t) => t.filter((id) => id !== value));
              setExcluded(new Set());
              setPreviewing(false);
            }}
            options={counselors.map((c) => ({ value: c.id, label: `${c.name} (진행 중 ${c.open}건)` }))}
          />
        </label>
        {from && (
          <>
            <div>
              <span className="saeil-figure-title">
                옮길 사례 ({chosen.length} / {hers.length}건 선택)
              </span>
              {hers.length === 0 ? (
                <Typography.Paragraph>이 상담사에게 진행 중인 사례가 없습니다.</Typography.Paragraph>
              ) : (
                <div
                  className="saeil-scroll"
                  style={{ maxHeight: 220, overflowY: 'auto' }}
                  tabIndex={0}
                  aria-label="옮길 사례 목록"
                >
                  {hers.map((c) => (
                    <div key={c.clientId}>
                      <Checkbox
                        checked={!excluded.has(c.clientId)}
                        onChange={(e) => {
                          const next = new Set(excluded);
                          if (e.target.checked) next.delete(c.clientId);
                          else next.add(c.clientId);
                          setExcluded(next);
                          setPreviewing(false);
                        }}
                      >
                        {c.name ?? '(개인정보 파기됨)'} · {stageLabel(c.status)}
                      </Checkbox>
                    </div>
                  ))}
                </div>
              )}
            </div>
            <label>
              <span className="saeil-figure-title">
                받을 상담사 (여러 명이면 담당 사례가 적은 상담사부터 나눠 맡습니다)
              </span>
              <Select
                mode="multiple"
                aria-label="받을 상담사"
                placeholder="상담사 선택"
                style={{ width: '100%' }}
                value={to}
                onChange={(value: string[]) => {
                  setTo(value);
                  setPreviewing(false);
                }}
                options={counselors
                  .filter((c) => c.id !== from)
                  .map((c) => ({ value: c.id, label: `${c.name} (진행 중 ${c.open}건)` }))}
              />
            </label>
          </>
        )}
        {cases.error && <Alert type="error" showIcon title={describeError(cases.error)} />}
        <Button
          type="primary"
          disabled={!from || chosen.length === 0 || to.length === 0}
          onClick={() => setPreviewing(true)}
        >
          미리 보기
        </Button>
        <RecordDialog<{ reason: string }, Report & { position?: number }>
          id="reassign-caseload"
          open={previewing && !!from}
          title="담당자 일괄 이관 미리 보기"
          submitLabel={`${chosen.length}건 옮기기`}
          initialValues={{ reason: '담당 상담사 퇴직' }}
          send={({ reason }, key) =>
            send(
              {
                from: from!,
                body: {
                  centerId,
                  toCounselorIds: to,
                  ...(excluded.size ? { clientIds: chosen.map((c) => c.clientId) } : {}),
                  ...(reason?.trim() ? { reason: reason.trim() } : {}),
                },
              },
              key,
            )
          }
          invalidates={[supervisorKeys.all]}
          saved={(r) => `사례 ${r.moved.length}건의 담당자를 바꿨습니다.`}
          onSaved={(r) => setReport(r)}
          onClose={() => setPreviewing(false)}
        >
          <Alert
            type="info"
            showIcon
            title={`${from ? nameOf(from) : ''} 상담사의 사례 ${chosen.length}건을 ${to.map(nameOf).join(', ')}에게 옮깁니다.`}
            description="받는 상담사가 여럿이면 그때 진행 중인 사례가 가장 적은 상담사에게 한 건씩 돌아갑니다. 옮긴 뒤에는 사례마다 되돌릴 수 있습니다(사례 화면의 담당자 변경)."
            style={{ marginBottom: 16 }}
          />
          <Form.Item
            name="reason"
            label="이관 사유 (사례마다 기록됩니다)"
            rules={[{ max: 200, message: '200자 안으로 입력해 주세요.' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </RecordDialog>
        {cases.data && cases.data.total > REASSIGN_SCAN && (
          <Typography.Text type="secondary">
            센터 사례 {cases.data.total}건 중 {REASSIGN_SCAN}건을 읽었습니다: 선택한 상담사의 사례를 모두 옮기려면
            사례를 고르지 않은 채(전체 선택) 옮기세요.
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
