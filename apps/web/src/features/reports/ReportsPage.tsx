import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { reportsRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { countText, isSuppressed, rateText, type Figure } from '../../components/figures';
import { centerName, koreanDate } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { RetentionTable } from '../../components/RetentionTable';
import { lastMonth, periodLabel } from '../../components/statistics-terms';
import {
  exactEmploymentQuery,
  exactRetentionQuery,
  previewQuery,
  versionsQuery,
  type FileFormat,
  type MinistryReport,
  type ReportScope,
} from './api';
import { DownloadReason, SubmitReport } from './ReportDialogs';

/** 성과 보고: preview a month or quarter as the Ministry will see it, submit (freeze) a version, its history and files. */
export function ReportsPage() {
  const principal = useSession();
  const search = reportsRoute.useSearch();
  const navigate = useNavigate({ from: '/reports' });
  const period = search.period ?? lastMonth();
  const scope: ReportScope | null =
    principal?.role === 'supervisor' && principal.centerId
      ? { level: 'center', id: principal.centerId }
      : principal?.role === 'regional_supervisor' && principal.region
        ? { level: 'region', id: principal.region }
        : null;
  const preview = useQuery({ ...previewQuery(scope ?? { level: 'center', id: '' }, period), enabled: scope !== null });
  const versions = useQuery({
    ...versionsQuery(scope ?? { level: 'center', id: '' }, period),
    enabled: scope !== null,
  });
  const [download, setDownload] = useState<{ format: FileFormat; version?: number } | null>(null);
  if (!scope) return <Alert type="info" showIcon title="성과 보고는 센터장과 광역새일센터 관리자가 제출합니다." />;
  const isQuarter = period.includes('Q');
  const scopeName = scope.level === 'center' ? centerName(scope.id) : scope.id;
  const setPeriod = (next: string) => navigate({ search: { period: next } });

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        성과 보고{' '}
        <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
          {scopeName}
        </Typography.Text>
      </Typography.Title>
      <div className="saeil-toolbar" role="group" aria-label="보고 기간">
        <Segmented
          aria-label="월 또는 분기"
          value={isQuarter ? 'quarter' : 'month'}
          onChange={(kind) =>
            setPeriod(
              kind === 'quarter'
                ? `${period.slice(0, 4)}-Q${Math.floor((dayjs(`${period.slice(0, 7)}-01`).month() || 0) / 3) + 1}`
                : lastMonth(),
            )
          }
          options={[
            { value: 'month', label: '월 보고' },
            { value: 'quarter', label: '분기 보고' },
          ]}
        />
        <label htmlFor="report-period">
          보고 기간
          {isQuarter ? (
            <DatePicker
              id="report-period"
              picker="quarter"
              allowClear={false}
              value={dayjs(
                `${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`,
              )}
              onChange={(d) => d && setPeriod(`${d.year()}-Q${Math.floor(d.month() / 3) + 1}`)}
            />
          ) : (
            <DatePicker
              id="report-period"
              picker="month"
              allowClear={false}
              value={dayjs(`${period}-01`)}
              onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
            />
          )}
        </label>
      </div>

      <LoadState query={preview}>
        {(report) => (
          <>
            <SubmitBar
              scope={scope}
              period={period}
              report={report}
              versions={versions.data?.length ?? 0}
              onDownload={(format) => setDownload({ format })}
            />
            <ReportFigures report={report} scope={scope} exact={principal?.role === 'supervisor'} />
          </>
        )}
      </LoadState>

      <Card title={<h2 className="saeil-card-title">제출 이력 (버전과 정정)</h2>} style={{ marginTop: 16 }}>
        <LoadState
          query={versions}
          isEmpty={(v) => v.length === 0}
          empty={`${periodLabel(period)} 보고서는 아직 제출하지 않았습니다. 위의 미리보기를 확인하고 ‘제출’을 누르세요.`}
        >
          {(list) => (
            <Table
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={[...list].sort((a, b) => b.version - a.version)}
              columns={[
                {
                  title: '버전',
                  dataIndex: 'version',
                  key: 'version',
                  render: (v: number) => (v === 1 ? '1 (최초 제출)' : `${v} (정정)`),
                },
                { title: '제출일', dataIndex: 'submittedOn', key: 'submittedOn', render: (d: string) => koreanDate(d) },
                { title: '기준 위치', dataIndex: 'asOfPosition', key: 'asOfPosition', responsive: ['md'] },
                {
                  title: '내용 해시',
                  dataIndex: 'contentHash',
                  key: 'contentHash',
                  responsive: ['lg'],
                  render: (h: string) => <code title={h}>{h.slice(0, 12)}…</code>,
                },
                {
                  title: '내려받기',
                  key: 'files',
                  render: (_, v) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<DownloadOutlined aria-hidden />}
                        onClick={() => setDownload({ format: 'csv', version: v.version })}
                        aria-label={`버전 ${v.version} CSV 내려받기`}
                      >
                        CSV
                      </Button>
                      <Button
                        size="small"
                        icon={<DownloadOutlined aria-hidden />}
                        onClick={() => setDownload({ format: 'xlsx', version: v.version })}
                        aria-label={`버전 ${v.version} XLSX 내려받기`}
                      >
                        XLSX
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </LoadState>
      </Card>
      <DownloadReason target={download} onClose={() => setDownload(null)} scope={scope} period={period} />
    </>
  );
}

function SubmitBar({
  scope,
  period,
  report,
  versions,
  onDownload,
}: {
  scope: ReportScope;
  period: string;
  report: MinistryReport;
  versions: number;
  onDownload: (format: FileFormat) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState<number | null>(null);
  const label = versions === 0 ? '제출' : `정정본 제출 (버전 ${versions + 1})`;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex wrap gap="middle" align="center" justify="space-between">
        <Typography.Text>
          {periodLabel(period)} ({koreanDate(report.period.from)} ~ {koreanDate(report.period.to)}) · 기준일{' '}
          {koreanDate(report.asOfDate)} · {report.suppressionThreshold}명 미만은 비공개로 보고됩니다.
        </Typography.Text>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => onDownload('csv')}>
            미리보기 CSV
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => onDownload('xlsx')}>
            미리보기 XLSX
          </Button>
          <Button
            type="primary"
            icon={<CloudUploadOutlined aria-hidden />}
            onClick={() => {
              setSubmitted(null);
              setConfirming(true);
            }}
          >
            {label}
          </Button>
        </Space>
      </Flex>
      {submitted !== null && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={`버전 ${submitted}을 제출했습니다. 제출 이력에서 내려받을 수 있습니다.`}
          style={{ marginTop: 12 }}
        />
      )}
      <SubmitReport
        open={confirming}
        scope={scope}
        period={period}
        report={report}
        versions={versions}
        onClose={() => setConfirming(false)}
        onSubmitted={setSubmitted}
      />
    </Card>
  );
}

/** The report as the Ministry sees it, with her center's exact figures beside it when she is its supervisor. */
function ReportFigures({ report, scope, exact }: { report: MinistryReport; scope: ReportScope; exact: boolean }) {
  const exactRetention = useQuery({ ...exactRetentionQuery(scope.id, report), enabled: exact });
  const exactEmployment = useQuery({ ...exactEmploymentQuery(scope.id, report), enabled: exact });
  const t = report.suppressionThreshold;
  const e = report.employment;
  const x = exactEmployment.data?.employment;
  const rows: { key: string; label: string; reported: Figure; exact?: Figure; rate?: boolean }[] = [
    { key: 'registered', label: '구직 등록', reported: e.clientsRegistered, exact: x?.clientsRegistered },
    { key: 'employed', label: '취업자 수', reported: e.employedClients, exact: x?.employedClients },
    { key: 'placements', label: '취업 건수', reported: e.placements, exact: x?.placements },
    { key: 'completers', label: '훈련 수료자', reported: e.trainingCompleters, exact: x?.trainingCompleters },
    {
      key: 'trainingRate',
      label: '훈련 후 취업률',
      reported: e.trainingEmploymentRate,
      exact: x?.trainingEmploymentRate,
      rate: true,
    },
    {
      key: 'conversions',
      label: '인턴 정규직 전환',
      reported: e.internshipConversions,
      exact: x?.internshipConversions,
    },
    { key: 'startups', label: '창업', reported: e.startups, exact: x?.startups },
    { key: 'beneficiaries', label: '사후관리 수혜자 수', reported: report.activity.retentionBeneficiaries },
  ];
  const say = (f: Figure | undefined, rate?: boolean) => {
    const text = rate ? rateText(f, 1, t) : countText(f, '명', t);
    return isSuppressed(f) ? <span className="saeil-suppressed">{text}</span> : text;
  };
  return (
    <Flex vertical gap="middle">
      <Card title={<h2 className="saeil-card-title">고용유지 (1·2·3개월 시점이 이 기간에 있는 취업)</h2>}>
        <RetentionTable
          caption="보고 기간의 고용유지"
          labelTitle="구분"
          threshold={t}
          rows={[
            { key: 'reported', label: exact ? '보고 값 (비공개 처리)' : '보고 값', figures: report.retention },
            ...(exact && exactRetention.data
              ? [{ key: 'exact', label: '우리 센터 실제 값', figures: exactRetention.data.retention }]
              : []),
          ]}
        />
        {exact && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            ‘우리 센터 실제 값’은 센터 안에서만 보이며 보고서에는 들어가지 않습니다.
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={<h2 className="saeil-card-title">취업과 활동</h2>}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '항목', dataIndex: 'label', key: 'label' },
            { title: '보고 값', key: 'reported', align: 'right', render: (_, r) => say(r.reported, r.rate) },
            ...(exact
              ? [
                  {
                    title: '우리 센터 실제 값',
                    key: 'exact',
                    align: 'right' as const,
                    render: (_: unknown, r: (typeof rows)[number]) =>
                      r.exact === undefined ? '—' : say(r.exact, r.rate),
                  },
                ]
              : []),
          ]}
        />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label="집단상담 연인원">{report.activity.groupProgramAttendances}명</Descriptions.Item>
          <Descriptions.Item label="찾아가는 이동상담">{report.activity.outreachEvents}회</Descriptions.Item>
          <Descriptions.Item label="협약 체결">{report.activity.agreementsSigned}건</Descriptions.Item>
          <Descriptions.Item label="협의체 회의">{report.activity.councilMeetings}회</Descriptions.Item>
          <Descriptions.Item label="취업박람회">{report.activity.jobFairs}회</Descriptions.Item>
        </Descriptions>
      </Card>
      {report.kpi.length > 0 && (
        <Card title={<h2 className="saeil-card-title">성과지표 이행률</h2>}>
          {report.kpi.map((plan) => (
            <div key={plan.planId} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{plan.name}</Typography.Text> · 종합 {say(plan.overall, true)}
              <Flex wrap gap="small" style={{ marginTop: 4 }}>
                {plan.indicators.map((i) => (
                  <Tag key={i.indicatorId}>
                    {i.name}: {isSuppressed(i.achievement) ? '비공개' : rateText(i.achievement, 1, t)}
                  </Tag>
                ))}
              </Flex>
            </div>
          ))}
        </Card>
      )}
    </Flex>
  );
}
