import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import * as api from './api';
import { ResetPasswordModal } from './AccountsPage';

vi.mock('./api', async (original) => ({ ...(await original<typeof import('./api')>()), resetPassword: vi.fn() }));

describe('the password reset dialog (RecordDialog)', () => {
  it('puts the API’s word on the password under 새 비밀번호 and a refusal without a field in the dialog', async () => {
    vi.mocked(api.resetPassword)
      .mockRejectedValueOnce(
        new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
          { field: 'newPassword', code: 'weakPassword', message: '아이디가 들어간 비밀번호는 쓸 수 없습니다.' },
        ]),
      )
      .mockRejectedValueOnce(
        new ApiError(422, 'ACCOUNT_DISABLED', '사용이 중지된 계정입니다. 먼저 다시 사용하게 하세요.'),
      );
    const onClose = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <ResetPasswordModal account={{ accountId: 'a1', username: 'kim.counselor' } as api.Account} onClose={onClose} />
      </QueryClientProvider>,
    );
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByLabelText(/^새 비밀번호/);
    fireEvent.change(field, { target: { value: 'kim.counselor-2026!' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '재설정' })));
    await within(field.closest('.ant-form-item') as HTMLElement).findByText(
      '아이디가 들어간 비밀번호는 쓸 수 없습니다.',
    );
    fireEvent.change(field, { target: { value: 'another-long-password-1' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '재설정' })));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('사용이 중지된 계정입니다.');
    expect(onClose).not.toHaveBeenCalled();
    expect(vi.mocked(api.resetPassword).mock.calls.map((c) => c[1])).toEqual([
      'kim.counselor-2026!',
      'another-long-password-1',
    ]);
  });
});
