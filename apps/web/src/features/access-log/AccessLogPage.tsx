import { Alert, Card, DatePicker, Select, Table, Tag, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { accessLogRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { LoadState } from '../../components/LoadState';
import { ScrollRegion } from '../../components/ScrollRegion';
import { unusualThreshold, type AccessLogSearch } from './access-log-search';

type Entry = components['schemas']['AccessLogEntryResponse'];

/** The review reads the whole month at once (the API's page limit); a busier month says how much it looked at. */
const MONTH_READ = 1000;

const ACTION_NAMES: Record<string, string> = {
  'read.caseload': '사례 목록 조회',
  'read.client-record': '사례 조회',
  'read.timeline': '타임라인 조회',
  'read.follow-up-queue': '사후관리 목록 조회',
  'export.ministry-report': '성과 보고서 내려받기',
};
const actionName = (action: string) => ACTION_NAMES[action] ?? action;

/** 접속기록 점검: the month's reads of her center's women, by account, with the unusual volumes marked. */
export function AccessLogPage() {
  const principal = useSession();
  const search = accessLogRoute.useSearch();
  const navigate = useNavigate({ from: '/access-log' });
  const month = search.month ?? dayjs().format('YYYY-MM');
  const centerId = principal?.centerId;
  const log = useQuery({
    queryKey: ['access-log', centerId, month],
    queryFn: async () =>
      unwrap(await api.GET('/access-log', { params: { query: { month, centerId, pageSize: MONTH_READ } } })),
    enabled: Boolean(centerId),
    placeholderData: keepPreviousData,
  });
  if (!centerId) return <Alert type="info" showIcon title="센터장이 자기 센터의 접속기록을 점검하는 화면입니다." />;
  const change = (patch: Partial<AccessLogSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        접속기록 점검
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        센터 계정이 이번 달 내담자 정보를 언제, 어디서, 무엇을 열람하거나 내려받았는지 매월 점검합니다. 평소보다 많이
        열람한 계정은 빨간색으로 표시됩니다.
      </Typography.Paragraph>
      <div className="saeil-toolbar" role="search" aria-label="접속기록 조건">
        <label htmlFor="access-month">
          점검 월
          <DatePicker
            id="access-month"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && change({ month: d.format('YYYY-MM'), actor: undefined, action: undefined })}
          />
        </label>
        <label htmlFor="access-actor">
          계정
          <Select
            id="access-actor"
            allowClear
            placeholder="모든 계정"
            value={search.actor}
            onChange={(actor) => change({ actor })}
            options={[...new Set((log.data?.items ?? []).map((e) => e.actorId))].map((a) => ({ value: a, label: a }))}
            style={{ minWidth: 220 }}
          />
        </label>
        <label htmlFor="access-action">
          행위
          <Select
            id="access-action"
            allowClear
            placeholder="모든 행위"
            value={search.action}
            onChange={(action) => change({ action })}
            options={[...new Set((log.data?.items ?? []).map((e) => e.action))].map((a) => ({
              value: a,
              label: actionName(a),
            }))}
            style={{ minWidth: 200 }}
          />
        </label>
      </div>
      <LoadState
        query={log}
        isEmpty={(d) => d.items.length === 0}
        empty={`${dayjs(`${month}-01`).format('YYYY년 M월')}에는 센터 계정의 접속기록이 없습니다. 다른 달을 골라 보세요.`}
      >
        {(data) => (
          <Review entries={data.items} total={data.total} search={search} onPick={(actor) => change({ actor })} />
        )}
      </LoadState>
    </>
  );
}

function Review({
  entries,
  total,
  search,
  onPick,
}: {
  entries: Entry[];
  total: number;
  search: AccessLogSearch;
  onPick: (actor: string) => void;
}) {
  const byActor = new Map<string, { reads: number; exports: number; clients: Set<string> }>();
  for (const e of entries) {
    const row = byActor.get(e.actorId) ?? { reads: 0, exports: 0, clients: new Set<string>() };
    if (e.action.startsWith('export.')) row.exports += 1;
    else row.reads += 1;
    if (e.subjectClientId) row.clients.add(e.subjectClientId);
    byActor.set(e.actorId, row);
  }
  const summary = [...byActor]
    .map(([actorId, r]) => ({ actorId, reads: r.reads, exports: r.exports, clients: r.clients.size }))
    .sort((a, b) => b.reads - a.reads);
  const limit = unusualThreshold(summary.map((s) => s.reads));
  const shown = entries.filter(
    (e) => (!search.actor || e.actorId === search.actor) && (!search.action || e.action === search.action),
  );
  return (
    <>
      {total > entries.length && (
        <Alert
          type="warning"
          showIcon
          title={`이 달의 기록 ${total.toLocaleString('ko-KR')}건 중 처음 ${entries.length.toLocaleString('ko-KR')}건을 점검합니다.`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card title={<h2 className="saeil-card-title">계정별 열람 건수</h2>} style={{ marginBottom: 16 }}>
        <Table
          rowKey="actorId"
          size="small"
          pagination={false}
          dataSource={summary}
          rowClassName={(r) => (r.reads > limit ? 'saeil-unusual-row' : '')}
          columns={[
            {
              title: '계정',
              dataIndex: 'actorId',
              key: 'actorId',
              render: (a: string) => (
                <Typography.Link onClick={() => onPick(a)} aria-label={`${a}의 기록만 보기`}>
                  {a}
                </Typography.Link>
              ),
            },
            {
              title: '열람',
              dataIndex: 'reads',
              key: 'reads',
              align: 'right',
              render: (n: number) => (n > limit ? <strong className="saeil-overdue-text">{n}건</strong> : `${n}건`),
            },
            {
              title: '내려받기',
              dataIndex: 'exports',
              key: 'exports',
              align: 'right',
              render: (n: number) => `${n}건`,
            },
            {
              title: '열람한 내담자 수',
              dataIndex: 'clients',
              key: 'clients',
              align: 'right',
              render: (n: number) => `${n}명`,
            },
            {
              title: '점검',
              key: 'flag',
              render: (_, r) =>
                r.reads > limit ? <Tag color="red">평소보다 많음 (기준 {Math.round(limit)}건)</Tag> : <Tag>보통</Tag>,
            },
          ]}
        />
      </Card>
      <Card title={<h2 className="saeil-card-title">기록 ({shown.length.toLocaleString('ko-KR')}건)</h2>}>
        <ScrollRegion label="접속기록" minWidth={760}>
          <Table<Entry>
            rowKey="seq"
            size="small"
            dataSource={shown}
            pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `모두 ${n}건` }}
            locale={{ emptyText: '조건에 맞는 기록이 없습니다. 계정이나 행위 조건을 지워 보세요.' }}
            columns={[
              {
                title: '일시',
                dataIndex: 'at',
                key: 'at',
                render: (at: string) => dayjs(at).format('M월 D일 HH:mm:ss'),
              },
              { title: '계정', dataIndex: 'actorId', key: 'actorId' },
              { title: '행위', dataIndex: 'action', key: 'action', render: actionName },
              {
                title: '내담자',
                dataIndex: 'subjectClientId',
                key: 'subject',
                render: (id: string | null) => (id ? <code title={id}>{id.slice(0, 8)}</code> : '—'),
              },
              { title: '접속 위치', dataIndex: 'sourceAddress', key: 'source', responsive: ['md'] },
              { title: '사유', dataIndex: 'reason', key: 'reason', render: (r: string | null) => r ?? '—' },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
