import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { RecordForm } from '../../components/RecordForm';
import { IntakeRefused } from './api';
import { duplicateAnswer, subject } from './duplicate';
import { DuplicateNotice } from './IntakePage';

const EXISTING = '11111111-1111-4111-8111-111111111111';
const refused = (code: string, details: Record<string, unknown> = {}) =>
  new IntakeRefused(new ApiError(422, code, '(API의 문장)'), details);

describe('구직 등록: the duplicate answer', () => {
  it('says a same-center duplicate in words, offers her existing case, and registers anyway only when told', () => {
    const answer = duplicateAnswer(
      refused('DUPLICATE_CLIENT', { existingClientIds: [EXISTING], matchedOn: ['birthDate+phone'] }),
    )!;
    const open = vi.fn();
    const anyway = vi.fn();
    render(<DuplicateNotice answer={answer} onOpenCase={open} onRegisterAnyway={anyway} onDismiss={() => undefined} />);
    expect(
      screen.getByText('이미 우리 센터에 등록된 구직자와 같은 사람으로 보입니다 (생년월일과 전화번호가 같습니다).'),
    ).toBeTruthy();
    expect(screen.getByText('새로 등록하지 말고 기존 사례를 열어 이어서 기록하세요.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '기존 사례 열기' }));
    expect(open).toHaveBeenCalledWith(EXISTING);
    expect(anyway).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '다른 사람임을 확인하고 등록' }));
    expect(anyway).toHaveBeenCalledWith([EXISTING]);
  });

  it('tells her to ask the other center for a transfer, naming neither the center nor the woman', () => {
    const answer = duplicateAnswer(refused('CLIENT_AT_ANOTHER_CENTER'))!;
    render(
      <DuplicateNotice
        answer={answer}
        onOpenCase={() => undefined}
        onRegisterAnyway={() => undefined}
        onDismiss={() => undefined}
      />,
    );
    expect(screen.getByText('이 사람은 다른 새일센터에 이미 구직자로 등록되어 있습니다.')).toBeTruthy();
    expect(
      screen.getByText('어느 센터에 등록했는지 본인에게 확인하고, 그 센터에 사례 이관(담당 센터 변경)을 요청하세요.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /기존 사례 열기/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '다른 사람임을 확인하고 등록' })).toBeNull();
  });

  it('reads only the two duplicate codes, and words what matched with the right particle', () => {
    expect(
      duplicateAnswer(
        refused('DUPLICATE_CLIENT', { existingClientIds: [EXISTING], matchedOn: ['name+birthDate+center'] }),
      ),
    ).toMatchObject({
      kind: 'same_center',
      existingClientIds: [EXISTING],
      title: '이미 우리 센터에 등록된 구직자와 같은 사람으로 보입니다 (이름과 생년월일이 같습니다).',
    });
    expect(duplicateAnswer(new ApiError(422, 'CONSENT_REQUIRED', 'x'))).toBeNull();
    expect(duplicateAnswer(new ApiError(409, 'DUPLICATE_CLIENT', 'x'))).toBeNull();
    expect([subject('전화번호'), subject('생년월일')]).toEqual(['전화번호가', '생년월일이']);
  });
});

describe('구직 등록: field errors and retries (RecordForm)', () => {
  it('puts the API’s field errors under their fields in Korean, and a retry keeps the Idempotency-Key', async () => {
    const keys: string[] = [];
    const send = vi.fn(async (_values: { name: string; phone: string }, key: string) => {
      keys.push(key);
      throw new ApiError(400, 'VALIDATION_FAILED', '입력값이 올바르지 않습니다: phone', [
        { field: 'phone', code: 'matches', message: 'phone must be a phone number' },
        { field: 'birthDate', code: 'isDateOnly', message: '1900-01-01부터 2099-12-31 사이의 날짜여야 합니다.' },
      ]);
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <RecordForm<{ name: string; phone: string }, { position: number }>
          id="intake"
          submitLabel="구직 등록"
          send={send}
          invalidates={[]}
          saved={() => '등록했습니다.'}
        >
          <Form.Item label="이름" name="name">
            <Input />
          </Form.Item>
          <Form.Item label="전화번호" name="phone">
            <Input />
          </Form.Item>
        </RecordForm>
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText(/^이름/), { target: { value: '한지민' } });
    fireEvent.change(screen.getByLabelText(/^전화번호/), { target: { value: '0101' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '구직 등록' })));
    await screen.findByText('형식이 맞지 않습니다.');
    // Under its own field (antd ties the message to the input by aria-describedby); a field the form lacks, above the button.
    const phone = screen.getByLabelText(/^전화번호/);
    const describedBy = phone.getAttribute('aria-describedby') ?? '';
    expect(
      describedBy
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    ).toContain('형식이 맞지 않습니다.');
    expect(screen.getByText('입력한 내용을 확인해 주세요.')).toBeTruthy();
    expect(screen.getByText('1900-01-01부터 2099-12-31 사이의 날짜여야 합니다.')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '구직 등록' })));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(keys[1]).toBe(keys[0]);
  });

  it('never submits on the Enter that ends a Hangul composition', async () => {
    const send = vi.fn(async () => ({ position: 1 }));
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RecordForm<{ name: string }, { position: number }>
          id="ime"
          send={send}
          invalidates={[]}
          saved={() => '저장했습니다.'}
        >
          <Form.Item label="이름" name="name">
            <Input />
          </Form.Item>
        </RecordForm>
      </QueryClientProvider>,
    );
    const name = screen.getByLabelText(/^이름/);
    fireEvent.change(name, { target: { value: '한지' } });
    fireEvent.keyDown(name, { key: 'Enter', keyCode: 229, isComposing: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(send).not.toHaveBeenCalled();
    fireEvent.keyDown(name, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
  });
});
