import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { ReassignCard } from './ReassignCard';

vi.mock('../../api/client', () => ({ api: { GET: vi.fn(), POST: vi.fn() } }));
vi.mock('@tanstack/react-router', () => ({ Link: ({ children }: { children: unknown }) => children }));

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
const refused = (status: number, error: unknown) => ({ error, response: new Response(null, { status }) });
const CASES = [
  { clientId: 'c1', name: '박서연', status: 'counseling', counselorId: 'k1', counselorName: '김상담' },
  { clientId: 'c2', name: '이영희', status: 'training', counselorId: 'k2', counselorName: '최상담' },
];

vi.setConfig({ testTimeout: 60_000 });

describe('담당자 일괄 이관 (its confirmation is a RecordDialog)', () => {
  it('puts the API’s word on the reason under 이관 사유 and a refusal without a field in the dialog, which stays open', async () => {
    vi.mocked(api.GET).mockResolvedValue(ok({ items: CASES, page: 1, pageSize: 200, total: 2 }) as never);
    vi.mocked(api.POST)
      .mockResolvedValueOnce(
        refused(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'invalid',
            fields: [{ field: 'reason', code: 'matches', message: '사유에 쓸 수 없는 글자가 있습니다.' }],
          },
        }) as never,
      )
      .mockResolvedValueOnce(
        refused(422, {
          error: { code: 'NOT_A_COUNSELOR', message: '받을 상담사 중 이 센터의 상담사가 아닌 계정이 있습니다.' },
        }) as never,
      );
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <ReassignCard centerId="center-naju" />
      </QueryClientProvider>,
    );
    fireEvent.mouseDown(await screen.findByLabelText('옮길 사례의 상담사'));
    fireEvent.click(await screen.findByText('최상담 (진행 중 1건)', { selector: '.ant-select-item-option-content' }));
    fireEvent.mouseDown(screen.getByLabelText('받을 상담사'));
    fireEvent.click(
      (await screen.findAllByText('김상담 (진행 중 1건)', { selector: '.ant-select-item-option-content' })).at(-1)!,
    );
    fireEvent.click(screen.getByRole('button', { name: '미리 보기' }));
    const dialog = await screen.findByRole('dialog');
    within(dialog).getByText('최상담 상담사의 사례 1건을 김상담에게 옮깁니다.');
    const reason = within(dialog).getByLabelText(/^이관 사유/);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '1건 옮기기' })));
    await within(reason.closest('.ant-form-item') as HTMLElement).findByText('사유에 쓸 수 없는 글자가 있습니다.');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '1건 옮기기' })));
    await within(dialog).findByText('받을 상담사 중 이 센터의 상담사가 아닌 계정이 있습니다.');
    expect(
      within(dialog)
        .getAllByRole('alert')
        .some((a) => a.textContent?.includes('받을 상담사 중 이 센터의 상담사가 아닌 계정이 있습니다.')),
    ).toBe(true);
    const [first, second] = vi.mocked(api.POST).mock.calls as unknown as [
      string,
      { params: { path: { counselorId: string }; header: Record<string, string> }; body: unknown },
    ][];
    expect(first[1].params.path.counselorId).toBe('k2');
    expect(first[1].body).toEqual({ centerId: 'center-naju', toCounselorIds: ['k1'], reason: '담당 상담사 퇴직' });
    expect(second[1].params.header['Idempotency-Key']).toBe(first[1].params.header['Idempotency-Key']);
    expect(screen.queryByText(/건을 옮겼습니다/)).toBeNull();
  });
});
