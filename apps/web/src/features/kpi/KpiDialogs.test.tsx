import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import * as api from './api';
import { DefinePlan, EnterActual } from './KpiDialogs';

vi.mock('./api', async (original) => ({
  ...(await original<typeof import('./api')>()),
  definePlan: vi.fn(),
  enterActual: vi.fn(),
}));

const wrap = (node: ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      {node}
    </QueryClientProvider>,
  );
const itemOf = (element: HTMLElement) => element.closest('.ant-form-item') as HTMLElement;

afterEach(() => [api.definePlan, api.enterActual].forEach((f) => vi.mocked(f).mockReset()));

describe('the KPI dialogs (RecordDialog)', () => {
  it('puts an indicator’s target error under that indicator’s 연도별 목표, and a save hands back the new plan', async () => {
    vi.mocked(api.definePlan)
      .mockRejectedValueOnce(
        new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
          { field: 'indicators[0].yearlyTargets[1]', code: 'matches', message: 'yearlyTargets must be a decimal' },
        ]),
      )
      .mockResolvedValueOnce({ planId: 'k9', position: 3 } as never);
    const onDefined = vi.fn();
    const onClose = vi.fn();
    wrap(<DefinePlan open centerId="center-naju" onClose={onClose} onDefined={onDefined} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^계획 이름/), { target: { value: '2026~2028 확인지표' } });
    fireEvent.change(within(dialog).getByLabelText(/^지표 이름/), { target: { value: '취업자 수' } });
    const targets = within(dialog).getByLabelText(/^연도별 목표/);
    fireEvent.change(targets, { target: { value: '100, 120, 140' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '저장' })));
    await within(itemOf(targets)).findByText('형식이 맞지 않습니다.');
    expect(within(itemOf(within(dialog).getByLabelText(/^지표 이름/))).queryByText('형식이 맞지 않습니다.')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '저장' })));
    await vi.waitFor(() => expect(onDefined).toHaveBeenCalledWith('k9'));
    expect(onClose).toHaveBeenCalledTimes(1);
    // The saved toast (antd's static message, its own React root) is up before the test ends, so the teardown closes it.
    await vi.waitFor(() =>
      expect(document.querySelector('.ant-message')?.textContent).toContain('2026~2028 확인지표 계획을 만들었습니다.'),
    );
    expect(vi.mocked(api.definePlan).mock.calls[0][0].indicators[0].yearlyTargets).toEqual(['100', '120', '140']);
  });

  it('says an actual the API refuses without a field in the dialog, which stays open', async () => {
    vi.mocked(api.enterActual).mockRejectedValueOnce(
      new ApiError(422, 'PERIOD_OUTSIDE_TERM', '계획 기간 밖의 연도입니다.'),
    );
    const plan = {
      planId: 'k1',
      term: { fromYear: 2026, toYear: 2028 },
      periods: ['2026', '2027', '2028'],
      indicators: [{ indicatorId: 'i1', name: '상담 만족도', unit: '점', source: 'entered' }],
    } as unknown as api.KpiAchievement;
    const onClose = vi.fn();
    wrap(<EnterActual open plan={plan} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText(/^지표/));
    fireEvent.click(await screen.findByText('상담 만족도 (점)', { selector: '.ant-select-item-option-content' }));
    fireEvent.change(within(dialog).getByLabelText(/^실적/), { target: { value: '87' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '저장' })));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('계획 기간 밖의 연도입니다.');
    expect(onClose).not.toHaveBeenCalled();
    expect(vi.mocked(api.enterActual).mock.calls[0][1]).toMatchObject({ indicatorId: 'i1', value: 87 });
  });
});
