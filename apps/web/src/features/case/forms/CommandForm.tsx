import { Alert, App, Button, Form, Space, Typography, type FormInstance } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError, describeError } from '../../../api/errors';
import { useCommand } from '../../../api/use-command';
import { onFormKeyDown, placeFieldErrors } from '../../../components/RecordForm';


/** What went wrong with the last save, as the form tells her. */
type Problem =
  | { kind: 'fields'; others: string[] }
  | { kind: 'conflict' }
  | { kind: 'throttled' }
  | { kind: 'refused'; message: string };

export interface CommandFormProps<V, R> {
  /** Unique on the page: the fields' ids (and so their labels) derive from it. */
  id: string;
  title: string;
  submitLabel?: string;
  initialValues?: Partial<V>;
  /** The command: called with the form's values and the attempt's Idempotency-Key. */
  send: (values: V, idempotencyKey: string) => Promise<R>;
  invalidates: QueryKey[];
  /** The sentence shown once it is saved. */
  saved: (result: R, values: V) => string;
  onSaved?: (result: R, values: V) => void;
  onCancel?: () => void;
  /** Clear the form after a save (default), or keep what she typed (e.g. the profile). */
  resetOnSave?: boolean;
  children: ReactNode;
}

/**
 * A form that sends one command of her case, the same way everywhere:
 * - one Idempotency-Key per attempt, the same on every retry of it (useCommand);
 * - the API's field errors under their fields, in Korean (a field the form does not show: above
 *   the button); a broken rule as the API's Korean sentence;
 * - a 409 (someone wrote first) offers to reload and apply what she typed again;
 * - a 429 keeps the button disabled for as long as Retry-After says, counting down;
 * - Enter in a one-line field submits, except the Enter that ends a Hangul composition.
 */
export function CommandForm<V extends object, R extends { position?: number }>(props: CommandFormProps<V, R>) {
  const { id, title, submitLabel = '저장', initialValues, send, invalidates, saved, onSaved, onCancel, resetOnSave = true, children } = props;
  const [form] = Form.useForm<V>();
  const queryClient = useQueryClient();
  const command = useCommand(send, invalidates);
  const { message } = App.useApp();
  const last = useRef<V | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const waiting = waitUntil > now;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [waiting]);

  const submit = async (values: V) => {
    last.current = values;
    setProblem(null);
    setDone(null);
    try {
      const result = await command.mutateAsync(values);
      const sentence = saved(result, values);
      setDone(result && (result as { duplicate?: boolean }).duplicate ? `${sentence} (이미 저장된 기록입니다)` : sentence);
      void message.success(sentence);
      if (resetOnSave) form.resetFields();
      onSaved?.(result, values);
    } catch (error) {
      showProblem(form, error);
    }
  };

  const showProblem = (f: FormInstance<V>, error: unknown) => {
    if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
      const { placed, others } = placeFieldErrors(f, error);
      f.setFields(placed as Parameters<typeof f.setFields>[0]);
      setProblem({ kind: 'fields', others });
      if (placed[0]) (f.getFieldInstance(placed[0].name) as { focus?: () => void } | undefined)?.focus?.();
      return;
    }
    if (error instanceof ApiError && error.status === 409) return setProblem({ kind: 'conflict' });
    if (error instanceof ApiError && error.status === 429) {
      const at = Date.now();
      setNow(at);
      setWaitUntil(at + (error.retryAfterSeconds ?? 5) * 1000);
      return setProblem({ kind: 'throttled' });
    }
    setProblem({ kind: 'refused', message: describeError(error) });
  };

  /** After a 409: reload what she sees, then send what she typed again (nothing of it was recorded). */
  const reloadAndReapply = async () => {
    await Promise.all(invalidates.map((queryKey) => queryClient.refetchQueries({ queryKey })));
    if (last.current) await submit(last.current);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => onFormKeyDown(event, () => {
    if (!command.isPending && !waiting) form.submit();
  });

  const secondsLeft = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  return (
    <section aria-labelledby={`${id}-title`} className="saeil-command-form">
      <Typography.Title level={3} id={`${id}-title`} className="saeil-form-title">
        {title}
      </Typography.Title>
      <Form<V> form={form} name={id} layout="vertical" initialValues={initialValues} onFinish={submit} onKeyDown={onKeyDown} noValidate requiredMark="optional" scrollToFirstError={{ focus: true }}>
        {children}
        {problem?.kind === 'fields' && (
          <Alert type="error" showIcon role="alert" title="입력한 내용을 확인해 주세요." description={problem.others.length > 0 ? problem.others.join(' ') : undefined} style={{ marginBottom: 12 }} />
        )}
        {problem?.kind === 'refused' && <Alert type="error" showIcon role="alert" title={problem.message} style={{ marginBottom: 12 }} />}
        {problem?.kind === 'conflict' && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title="다른 사람이 먼저 기록했습니다. 아무것도 저장되지 않았습니다."
            description="새로 불러온 사례를 확인하고, 입력한 내용을 그대로 다시 저장할 수 있습니다."
            action={
              <Button onClick={() => void reloadAndReapply()} loading={command.isPending}>
                새로 불러와 다시 적용
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        {problem?.kind === 'throttled' && (
          <Alert type="warning" showIcon role="alert" title={waiting ? `요청이 너무 많습니다. ${secondsLeft}초 후에 다시 저장할 수 있습니다.` : '이제 다시 저장할 수 있습니다.'} style={{ marginBottom: 12 }} />
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={command.isPending} disabled={waiting}>
            {waiting ? `${secondsLeft}초 후 ${submitLabel}` : submitLabel}
          </Button>
          {onCancel && <Button onClick={onCancel}>닫기</Button>}
        </Space>
        <div role="status" aria-live="polite" className="saeil-form-status">
          {done && <Typography.Text className="saeil-saved">{done}</Typography.Text>}
        </div>
      </Form>
    </section>
  );
}

