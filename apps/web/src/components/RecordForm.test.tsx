import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { RecordForm } from './RecordForm';

describe('RecordForm', () => {
  it('offers to reload and apply what she typed again after a 409, with the same Idempotency-Key', async () => {
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const refetch = vi.spyOn(queryClient, 'refetchQueries');
    const sent: { values: { reason: string }; key: string }[] = [];
    const send = vi.fn(async (values: { reason: string }, key: string) => {
      sent.push({ values, key });
      if (sent.length === 1) throw new ApiError(409, 'VERSION_CONFLICT', 'conflict');
      return { position: 9 };
    });
    render(
      <QueryClientProvider client={queryClient}>
        <RecordForm<{ reason: string }, { position: number }>
          id="end"
          submitLabel="종료 기록"
          send={send}
          invalidates={[['center-activities']]}
          saved={() => '협약 종료를 기록했습니다.'}
        >
          <Form.Item label="종료 사유" name="reason">
            <Input />
          </Form.Item>
        </RecordForm>
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText(/^종료 사유/), { target: { value: '사업 종료' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '종료 기록' })));
    expect(await screen.findByText('다른 사람이 먼저 기록했습니다. 아무것도 저장되지 않았습니다.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '새로 불러와 다시 적용' })));
    // Under the button (the toast says it too, outside the form).
    await within(screen.getByRole('region', { name: '종료 기록' })).findByText('협약 종료를 기록했습니다.');
    expect(refetch).toHaveBeenCalledWith({ queryKey: ['center-activities'] });
    expect(sent.map((s) => s.values.reason)).toEqual(['사업 종료', '사업 종료']);
    expect(sent[1].key).toBe(sent[0].key);
    await waitFor(() =>
      expect(screen.queryByText('다른 사람이 먼저 기록했습니다. 아무것도 저장되지 않았습니다.')).toBeNull(),
    );
  });
});
