import { Form, Input } from 'antd';
import { RecordDialog } from '../../components/RecordDialog';
import { periodLabel } from '../../components/statistics-terms';
import {
  downloadReport,
  reportKeys,
  submitReport,
  type FileFormat,
  type MinistryReport,
  type ReportScope,
} from './api';

/**
 * Submitting (or correcting) a month's or quarter's report: nothing to fill in, only the confirmation;
 * a refusal (e.g. a correction with the same figures) is said in the dialog, which stays open.
 */
export function SubmitReport({
  open,
  scope,
  period,
  report,
  versions,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  scope: ReportScope;
  period: string;
  report: MinistryReport;
  versions: number;
  onClose: () => void;
  onSubmitted: (version: number) => void;
}) {
  return (
    <RecordDialog<Record<string, never>, Awaited<ReturnType<typeof submitReport>>>
      id="submit-report"
      open={open}
      title={`${periodLabel(period)} 보고서 ${versions === 0 ? '제출' : '정정 제출'}`}
      submitLabel="제출합니다"
      send={(_, key) => submitReport(scope, period, report.asOfPosition, key)}
      invalidates={[reportKeys.versions(scope, period), reportKeys.preview(scope, period)]}
      saved={(result) => `${periodLabel(period)} 보고서 버전 ${result.version}을 제출했습니다.`}
      onSaved={(result) => onSubmitted(result.version)}
      onClose={onClose}
    >
      <p>
        지금 미리보기의 수치를 그대로 고정해 성평등가족부에 보냅니다. 제출한 버전은 고칠 수 없고, 바로잡으려면 정정본(새
        버전)을 제출합니다.
      </p>
    </RecordDialog>
  );
}

/** File exports are recorded in the 접속기록 with a reason: asked before anything is downloaded (the API's word on the reason goes under it). */
export function DownloadReason({
  target,
  onClose,
  scope,
  period,
}: {
  target: { format: FileFormat; version?: number } | null;
  onClose: () => void;
  scope: ReportScope;
  period: string;
}) {
  const what = `${periodLabel(period)} ${target?.version ? `버전 ${target.version}` : '미리보기'} ${target?.format.toUpperCase() ?? ''}`;
  return (
    <RecordDialog<{ reason: string }, { position?: number }>
      id="download-reason"
      open={target !== null}
      title={`${what} 내려받기`}
      submitLabel="내려받기"
      send={async ({ reason }) => {
        await downloadReport(scope, period, target!.format, reason.trim(), target!.version);
        return {};
      }}
      invalidates={[]}
      saved={() => `${what} 파일을 내려받았습니다.`}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label="반출 사유"
        extra="파일로 내려받은 기록은 사유와 함께 접속기록에 남습니다."
        rules={[
          { required: true, whitespace: true, message: '반출 사유를 입력해 주세요.' },
          { max: 500, message: '500자 안으로 입력해 주세요.' },
        ]}
      >
        <Input placeholder="예: 월간 성과 보고 제출용" autoFocus />
      </Form.Item>
    </RecordDialog>
  );
}
