import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import * as api from './api';
import { DownloadReason, SubmitReport } from './ReportDialogs';

vi.mock('./api', async (original) => ({
  ...(await original<typeof import('./api')>()),
  submitReport: vi.fn(),
  downloadReport: vi.fn(),
}));

const wrap = (node: ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      {node}
    </QueryClientProvider>,
  );
const SCOPE = { level: 'center', id: 'center-naju' } as api.ReportScope;

afterEach(() => [api.submitReport, api.downloadReport].forEach((f) => vi.mocked(f).mockReset()));

describe('the report dialogs (RecordDialog)', () => {
  it('says a refused correction in the submit dialog, which stays open, and reports the version once accepted', async () => {
    vi.mocked(api.submitReport)
      .mockRejectedValueOnce(
        new ApiError(422, 'REPORT_UNCHANGED', '직전 버전과 내용이 같습니다. 정정할 내용이 없습니다.'),
      )
      .mockResolvedValueOnce({ version: 2, position: 5 } as never);
    const onClose = vi.fn();
    const onSubmitted = vi.fn();
    wrap(
      <SubmitReport
        open
        scope={SCOPE}
        period="2026-03"
        report={{ asOfPosition: 41 } as api.MinistryReport}
        versions={1}
        onClose={onClose}
        onSubmitted={onSubmitted}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '제출합니다' })));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('직전 버전과 내용이 같습니다.');
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '제출합니다' })));
    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(2));
    expect(onClose).toHaveBeenCalledTimes(1);
    // The saved toast (antd's static message, its own React root) is up before the test ends, so the teardown closes it.
    await vi.waitFor(() =>
      expect(document.querySelector('.ant-message')?.textContent).toContain('버전 2을 제출했습니다.'),
    );
    const [first, second] = vi.mocked(api.submitReport).mock.calls;
    expect(first.slice(0, 3)).toEqual([SCOPE, '2026-03', 41]);
    expect(second[3]).toBe(first[3]);
  });

  it('puts the API’s word on the download reason under 반출 사유', async () => {
    vi.mocked(api.downloadReport).mockRejectedValueOnce(
      new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
        { field: 'reason', code: 'matches', message: '반출 사유에 쓸 수 없는 글자가 있습니다.' },
      ]),
    );
    const onClose = vi.fn();
    wrap(<DownloadReason target={{ format: 'csv', version: 1 }} scope={SCOPE} period="2026-03" onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    const reason = within(dialog).getByLabelText(/^반출 사유/);
    fireEvent.change(reason, { target: { value: '월간 보고' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '내려받기' })));
    await within(reason.closest('.ant-form-item') as HTMLElement).findByText('반출 사유에 쓸 수 없는 글자가 있습니다.');
    expect(vi.mocked(api.downloadReport).mock.calls[0]).toEqual([SCOPE, '2026-03', 'csv', '월간 보고', 1]);
    expect(onClose).not.toHaveBeenCalled();
  });
});
