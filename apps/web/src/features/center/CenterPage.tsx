import { Alert, Button, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { centerRoute } from '../../app/router';
import { useSession } from '../../app/use-session';
import { CASE_WORKERS } from '../../components/domain-terms';
import { centerName, centersOfRegion, koreanDate } from '../../components/format';
import { ACTIVITIES_PAGE_SIZE, activitiesQuery, type CenterActivity } from './api';
import type { CenterSearch } from './center-search';
import { AgreementEndForm, AgreementRenewalForm, CreateForm, EmployerServiceForm, GroupSessionForm } from './forms';
import { ACTIVITY_KINDS, AGREEMENT_KINDS, EMPLOYER_SIZES, KIND_LABELS, labelOf, type ActivityKind } from './terms';

type Action = { type: 'create' } | { type: 'session' | 'service' | 'renewal' | 'end'; record: CenterActivity };

const n = (value: number | undefined | null, unit: string) =>
  value === undefined || value === null ? '—' : `${value.toLocaleString('ko-KR')}${unit}`;
const period = (from?: string | null, to?: string | null) => `${koreanDate(from)} ~ ${koreanDate(to)}`;

/** 센터 활동: the center's courses, group programs, outreach, employers, agreements, job fairs and council meetings. */
export function CenterPage() {
  const principal = useSession();
  const search = centerRoute.useSearch();
  const navigate = useNavigate({ from: '/center' });
  const [action, setAction] = useState<Action | null>(null);
  const kind: ActivityKind = search.kind ?? 'course';
  const regionCenters =
    principal?.role === 'regional_supervisor' && principal.region ? centersOfRegion(principal.region) : [];
  const centerId = principal?.centerId ?? search.centerId ?? regionCenters[0]?.centerId;
  const canRecord = !!principal && CASE_WORKERS.includes(principal.role) && principal.centerId === centerId;
  const list = useQuery({ ...activitiesQuery(centerId ?? '', kind, search.page ?? 1), enabled: !!centerId });
  const change = (patch: Partial<CenterSearch>) => {
    setAction(null);
    void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  };

  if (!principal) return null;
  if (!centerId) return <Alert type="info" showIcon title="이 역할에는 센터 활동 화면이 없습니다." />;

  const rowAction = (label: string, type: Exclude<Action['type'], 'create'>, record: CenterActivity) =>
    canRecord ? (
      <Button size="small" onClick={() => setAction({ type, record })} aria-label={`${record.title} ${label}`}>
        {label}
      </Button>
    ) : null;

  const columns = columnsOf(kind, rowAction);
  const formProps = { centerId, onSaved: () => setAction(null), onCancel: () => setAction(null) };

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        센터 활동{' '}
        <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
          {centerName(centerId)}
        </Typography.Text>
      </Typography.Title>
      {regionCenters.length > 0 && (
        <Flex gap="small" align="center" style={{ marginBottom: 12 }}>
          <label htmlFor="center-pick">센터</label>
          <Select
            id="center-pick"
            value={centerId}
            onChange={(id) => change({ centerId: id })}
            options={regionCenters.map((c) => ({ value: c.centerId, label: c.name }))}
            style={{ minWidth: 240 }}
          />
          <Typography.Text type="secondary">광역 관리자는 보기만 할 수 있습니다.</Typography.Text>
        </Flex>
      )}
      <Tabs
        activeKey={kind}
        onChange={(k) => change({ kind: k as ActivityKind })}
        items={ACTIVITY_KINDS.map((k) => ({ key: k, label: KIND_LABELS[k].tab }))}
      />
      {canRecord && !action && (
        <Button type="primary" onClick={() => setAction({ type: 'create' })} style={{ marginBottom: 12 }}>
          {KIND_LABELS[kind].create}
        </Button>
      )}
      {action?.type === 'create' && <CreateForm kind={kind} counselorId={principal.accountId} {...formProps} />}
      {action?.type === 'session' && <GroupSessionForm program={action.record} {...formProps} />}
      {action?.type === 'service' && <EmployerServiceForm employer={action.record} {...formProps} />}
      {action?.type === 'renewal' && <AgreementRenewalForm agreement={action.record} {...formProps} />}
      {action?.type === 'end' && <AgreementEndForm agreement={action.record} {...formProps} />}
      {list.isError ? (
        <Alert type="error" showIcon title={describeError(list.error)} />
      ) : (
        <Table<CenterActivity>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 640 }}
          locale={{ emptyText: list.isPending ? '불러오는 중입니다…' : KIND_LABELS[kind].empty }}
          pagination={{
            current: search.page ?? 1,
            pageSize: ACTIVITIES_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => `모두 ${total}건`,
            onChange: (page) => navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) }),
          }}
        />
      )}
    </>
  );
}

type RowAction = (label: string, type: Exclude<Action['type'], 'create'>, record: CenterActivity) => React.ReactNode;

function columnsOf(kind: ActivityKind, rowAction: RowAction): ColumnsType<CenterActivity> {
  const title = (label: string) => ({
    title: label,
    dataIndex: 'title',
    key: 'title',
    render: (t: string) => <strong>{t}</strong>,
  });
  switch (kind) {
    case 'course':
      return [
        title('과정명'),
        { title: '훈련기관', key: 'provider', render: (_, r) => r.details.provider },
        { title: '분야', key: 'field', render: (_, r) => r.details.field },
        { title: '기간', key: 'period', render: (_, r) => period(r.details.startsOn, r.details.endsOn) },
        { title: '시간', key: 'hours', responsive: ['lg'], render: (_, r) => n(r.details.hours, '시간') },
        { title: '정원', key: 'capacity', render: (_, r) => n(r.details.capacity, '명') },
      ];
    case 'group_program':
      return [
        title('프로그램명'),
        { title: '연도', key: 'year', render: (_, r) => `${r.details.year}년` },
        {
          title: '회차',
          key: 'sessions',
          render: (_, r) => `${r.details.sessionsHeld ?? 0} / ${r.details.plannedSessions}회`,
        },
        {
          title: '연인원',
          key: 'attendances',
          render: (_, r) =>
            `${(r.details.attendances ?? 0).toLocaleString('ko-KR')} / ${(r.details.plannedParticipants ?? 0).toLocaleString('ko-KR')}명`,
        },
        {
          title: '최근 회차',
          key: 'last',
          responsive: ['lg'],
          render: (_, r) => (r.details.lastHeldOn ? koreanDate(r.details.lastHeldOn) : '아직 없음'),
        },
        { title: '', key: 'actions', render: (_, r) => rowAction('회차 기록', 'session', r) },
      ];
    case 'outreach':
      return [
        title('장소'),
        { title: '날짜', key: 'heldOn', render: (_, r) => koreanDate(r.details.heldOn) },
        { title: '현장 상담 (미등록)', key: 'walkIns', render: (_, r) => n(r.details.walkInContacts, '명') },
        { title: '등록 구직자 상담', key: 'registered', render: (_, r) => n(r.details.registeredClients, '명') },
        {
          title: '나간 상담사',
          key: 'counselors',
          responsive: ['lg'],
          render: (_, r) => (r.details.counselorIds ?? []).map((id) => r.details.counselorNames?.[id] ?? id).join(', '),
        },
      ];
    case 'employer':
      return [
        title('업체명'),
        { title: '사업자등록번호', key: 'brn', render: (_, r) => r.details.businessRegistrationNumber },
        { title: '업종', key: 'industry', responsive: ['lg'], render: (_, r) => r.details.industry },
        { title: '규모', key: 'size', render: (_, r) => labelOf(EMPLOYER_SIZES, r.details.size) },
        {
          title: '채용기업 사후관리',
          key: 'services',
          render: (_, r) =>
            r.details.servicesProvided
              ? `${r.details.servicesProvided}회 (최근 ${koreanDate(r.details.lastServiceOn)})`
              : '아직 없음',
        },
        { title: '', key: 'actions', render: (_, r) => rowAction('사후관리 기록', 'service', r) },
      ];
    case 'agreement':
      return [
        title('협약 상대'),
        { title: '종류', key: 'kind', render: (_, r) => labelOf(AGREEMENT_KINDS, r.details.agreementKind) },
        { title: '체결일', key: 'signedOn', responsive: ['lg'], render: (_, r) => koreanDate(r.details.signedOn) },
        { title: '협약 기간', key: 'term', render: (_, r) => period(r.details.termStart, r.details.termEnd) },
        {
          title: '상태',
          key: 'state',
          render: (_, r) =>
            r.details.endedOn ? (
              <Tag>종료 ({koreanDate(r.details.endedOn)})</Tag>
            ) : (
              <Tag color="green">진행 중{r.details.renewals ? ` · 갱신 ${r.details.renewals}회` : ''}</Tag>
            ),
        },
        {
          title: '',
          key: 'actions',
          render: (_, r) =>
            r.details.endedOn ? null : (
              <Flex gap="small" wrap>
                {rowAction('갱신', 'renewal', r)}
                {rowAction('종료', 'end', r)}
              </Flex>
            ),
        },
      ];
    case 'job_fair':
      return [
        title('박람회명'),
        { title: '개최일', key: 'heldOn', render: (_, r) => koreanDate(r.details.heldOn) },
        { title: '참여 기업', key: 'companies', render: (_, r) => n(r.details.companies, '곳') },
        { title: '구직자', key: 'applicants', render: (_, r) => n(r.details.applicants, '명') },
        { title: '채용', key: 'hires', render: (_, r) => n(r.details.hires, '명') },
      ];
    case 'council_meeting':
      return [
        title('회의명'),
        { title: '개최일', key: 'heldOn', render: (_, r) => koreanDate(r.details.heldOn) },
        {
          title: '참석 기관·위원',
          key: 'attendees',
          render: (_, r) => (r.details.attendees?.length ? r.details.attendees.join(', ') : '—'),
        },
      ];
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}
