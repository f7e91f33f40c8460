import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import * as api from './api';
import { DefineBudget, RecordExecution } from './BudgetPlanCard';
import { ProgramForm } from './ProgramForm';
import { GiveBenefit } from './GiveBenefit';

vi.mock('./api', async (original) => ({
  ...(await original<typeof import('./api')>()),
  giveBenefit: vi.fn(),
  amendProgram: vi.fn(),
  defineBudgetPlan: vi.fn(),
  recordExecution: vi.fn(),
}));

const PROGRAM = {
  programId: 'p1',
  centerId: 'center-naju',
  name: '같이하는 고백',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  revision: 1,
  milestones: [{ n: 1, planned: 10, given: 2, overPlan: 0, benefit: '축하 꽃다발', unitCost: 30000, utilization: 20 }],
  budget: [{ source: 'national', secured: 1000000, executed: 60000 }],
  totals: { secured: 1000000, executed: 60000 },
} as unknown as api.RetentionProgram;
const TARGET = {
  clientId: 'c1',
  name: '박서연',
  counselorId: 'k1',
  placementId: 'pl1',
  employerName: '나주식품',
  n: 1 as const,
  milestoneOn: '2026-03-02',
};

const wrap = (node: ReactNode) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      {node}
    </QueryClientProvider>,
  );
/** The form item (label, field, its errors) of the field labelled so. */
const itemOf = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label}`)).closest('.ant-form-item') as HTMLElement;

afterEach(() => [api.giveBenefit, api.defineBudgetPlan, api.recordExecution].forEach((f) => vi.mocked(f).mockReset()));

describe('the supervisor’s dialogs (RecordDialog)', () => {
  it('puts the API’s field errors of a benefit under their fields, the body’s overPlan.reason under 계획 초과 사유', async () => {
    vi.mocked(api.giveBenefit).mockRejectedValueOnce(
      new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
        { field: 'providedOn', code: 'futureDate', message: 'providedOn must not be in the future' },
        { field: 'overPlan.reason', code: 'isNotEmpty', message: 'overPlan.reason should not be empty' },
      ]),
    );
    const onClose = vi.fn();
    wrap(<GiveBenefit program={PROGRAM} target={TARGET} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '계획 인원을 넘겨 지원' }));
    fireEvent.change(await within(dialog).findByLabelText(/^계획 초과 사유/), { target: { value: '  x ' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '지원 기록' })));
    await within(itemOf('지원일')).findByText('미래 날짜는 기록할 수 없습니다.');
    await within(itemOf('계획 초과 사유')).findByText('입력해 주세요.');
    expect(within(itemOf('메모')).queryByText('입력해 주세요.')).toBeNull();
    expect(
      within(dialog)
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toContain('입력한 내용을 확인해 주세요.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says a refusal without a field in the dialog and keeps it open; the retry keeps the Idempotency-Key and a save closes it', async () => {
    vi.mocked(api.giveBenefit)
      .mockRejectedValueOnce(new ApiError(422, 'BENEFIT_ALREADY_GIVEN', '이 시점의 지원은 이미 기록되어 있습니다.'))
      .mockResolvedValueOnce({ position: 7 } as never);
    const onClose = vi.fn();
    wrap(<GiveBenefit program={PROGRAM} target={TARGET} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '지원 기록' })));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      '이 시점의 지원은 이미 기록되어 있습니다.',
    );
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '지원 기록' })));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    // The saved toast (antd's static message, its own React root) is up before the test ends, so the teardown closes it.
    await vi.waitFor(() =>
      expect(document.querySelector('.ant-message')?.textContent).toContain('박서연 1개월 지원을 기록했습니다.'),
    );
    const [first, second] = vi.mocked(api.giveBenefit).mock.calls;
    expect(second[2]).toBe(first[2]);
    expect(second[1]).toMatchObject({ clientId: 'c1', placementId: 'pl1', n: 1, fundingSource: 'national' });
  });

  it('counts down a 429 on the dialog’s button', async () => {
    vi.mocked(api.giveBenefit).mockRejectedValueOnce(new ApiError(429, 'TOO_MANY_REQUESTS', 'slow down', [], 30));
    wrap(<GiveBenefit program={PROGRAM} target={TARGET} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '지원 기록' })));
    const button = await within(dialog).findByRole('button', { name: /초 후 지원 기록$/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByRole('alert').textContent).toMatch(
      /요청이 너무 많습니다. \d+초 후에 다시 저장할 수 있습니다./,
    );
  });

  it('puts a program amendment’s budget line error under that source’s field', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
          { field: 'budget[0].amount', code: 'max', message: 'amount must not be greater than 1000000000' },
        ]),
      );
    wrap(<ProgramForm open program={PROGRAM} send={send} invalidates={[]} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^변경 사유/), { target: { value: '예산 증액' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '저장' })));
    await within(itemOf('국비')).findByText('더 작은 값을 입력해 주세요.');
    expect(send.mock.calls[0][0]).toMatchObject({
      reason: '예산 증액',
      budget: [{ source: 'national', amount: 1000000 }],
    });
  });

  it('puts a budget plan’s line error under that year’s and source’s amount', async () => {
    vi.mocked(api.defineBudgetPlan).mockRejectedValueOnce(
      new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
        { field: 'lines[1].amount', code: 'max', message: 'amount must not be greater than 1000000000' },
      ]),
    );
    wrap(<DefineBudget open program={{ ...PROGRAM, periodTo: '2027-12-31' }} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(document.getElementById('define-budget_amounts_2027_provincial')!, {
      target: { value: '5000000' },
    });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '저장' })));
    const item = () =>
      document.getElementById('define-budget_amounts_2027_provincial')!.closest('.ant-form-item') as HTMLElement;
    await within(item()).findByText('더 작은 값을 입력해 주세요.');
    expect(
      within(
        document.getElementById('define-budget_amounts_2026_national')!.closest('.ant-form-item') as HTMLElement,
      ).queryByText('더 작은 값을 입력해 주세요.'),
    ).toBeNull();
    expect(vi.mocked(api.defineBudgetPlan).mock.calls[0][0].lines).toEqual([
      { year: 2026, source: 'national', amount: 1000000 },
      { year: 2027, source: 'provincial', amount: 5000000 },
    ]);
  });

  it('says an execution the API refuses without a field in the dialog, which stays open', async () => {
    vi.mocked(api.recordExecution).mockRejectedValueOnce(
      new ApiError(422, 'EXECUTION_OUTSIDE_PLAN', '집행일이 예산 계획 기간 밖입니다.'),
    );
    const onClose = vi.fn();
    const plan = { planId: 'b1', entries: [], sourceNames: [] } as unknown as api.BudgetPlan;
    wrap(<RecordExecution open plan={plan} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^금액/), { target: { value: '30000' } });
    fireEvent.change(within(dialog).getByLabelText(/^집행 내역/), { target: { value: '꽃다발' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '저장' })));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('집행일이 예산 계획 기간 밖입니다.');
    expect(onClose).not.toHaveBeenCalled();
  });
});
