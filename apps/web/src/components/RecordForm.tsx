import { Alert, Button, ConfigProvider, Form, message, Space, Typography, type FormInstance } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError, describeError, toFormFields } from '../api/errors';
import { useCommand } from '../api/use-command';
import { theme } from '../app/theme';
import './record-form.css';

// The saved toast outlives the form (most forms close on save), so it is antd's static message,
// given the app's theme here: the first screen's script carries no App wrapper for it.
ConfigProvider.config({ holderRender: (children) => <ConfigProvider theme={theme}>{children}</ConfigProvider> });

/** What went wrong with the last save, as the form tells her. */
export type SaveProblem =
  | { kind: 'fields'; others: string[] }
  | { kind: 'conflict' }
  | { kind: 'throttled' }
  | { kind: 'refused'; message: string; code?: string };

export interface RecordFormProps<V, R> {
  /** Unique on the page: the fields' ids (and so their labels) derive from it. */
  id: string;
  title?: string;
  /**
   * A form of her case page: a framed box with an h3 title (under its tab's h2), and the 409 offer
   * speaks of her case; otherwise an h2 title and the offer speaks of the list.
   */
  inCase?: boolean;
  submitLabel?: string;
  initialValues?: Partial<V>;
  /** The command: called with the form's values and the attempt's Idempotency-Key. */
  send: (values: V, idempotencyKey: string) => Promise<R>;
  invalidates: QueryKey[];
  /** The sentence shown once it is saved. */
  saved: (result: R, values: V) => string;
  onSaved?: (result: R, values: V) => void;
  /** A refusal the form words itself (e.g. intake's duplicate answer); return true when handled. */
  onRefused?: (error: ApiError, values: V) => boolean;
  onCancel?: () => void;
  /** The label of the button that calls onCancel: 닫기 under a page's form, 취소 in a dialog. */
  cancelLabel?: string;
  /**
   * Where an API field error goes when the form names it differently from the body (e.g. the body's
   * 'overPlan.reason' is the form's 'overPlanReason'): given the API's path and the values sent,
   * the form's name, or undefined to leave it to the longest mounted part of its path.
   */
  fieldFor?: (apiPath: (string | number)[], values: V) => (string | number)[] | undefined;
  /** Inside a dialog (RecordDialog): no title of its own (the dialog's), its buttons at the end like a dialog's footer. */
  dialog?: boolean;
  /** Clear the form after a save (default), or keep what she typed (e.g. the profile). */
  resetOnSave?: boolean;
  form?: FormInstance<V>;
  children: ReactNode;
}

/**
 * A form that sends one command, the same way on every screen (her case, intake, the center's):
 * - one Idempotency-Key per attempt, kept on every retry of it (useCommand);
 * - the API's field errors under their fields, in Korean (one the form does not show: above the button);
 *   a broken rule as the API's Korean sentence;
 * - a 409 (someone wrote first) offers to reload and apply what she typed again;
 * - a 429 keeps the button disabled for as long as Retry-After says, counting down;
 * - once saved: the sentence under the button and in a toast, and the form cleared (unless resetOnSave is false);
 * - Enter in a one-line field submits, except the Enter that ends a Hangul composition (IME).
 */
export function RecordForm<V extends object, R extends { position?: number }>(props: RecordFormProps<V, R>) {
  const {
    id,
    title,
    inCase = false,
    submitLabel = '저장',
    initialValues,
    send,
    invalidates,
    saved,
    onSaved,
    onRefused,
    onCancel,
    cancelLabel = '닫기',
    fieldFor,
    dialog = false,
    resetOnSave = true,
    children,
  } = props;
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const queryClient = useQueryClient();
  const command = useCommand(send, invalidates);
  const last = useRef<V | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
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
      setDone(
        (result as { duplicate?: boolean } | undefined)?.duplicate ? `${sentence} (이미 저장된 기록입니다)` : sentence,
      );
      void message.success(sentence);
      if (resetOnSave) form.resetFields();
      onSaved?.(result, values);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
        const { placed, others } = placeFieldErrors(form, error, fieldFor && ((path) => fieldFor(path, values)));
        form.setFields(placed as Parameters<typeof form.setFields>[0]);
        setProblem({ kind: 'fields', others });
        if (placed[0]) (form.getFieldInstance(placed[0].name) as { focus?: () => void } | undefined)?.focus?.();
        return;
      }
      if (error instanceof ApiError && error.status === 409) return setProblem({ kind: 'conflict' });
      if (error instanceof ApiError && error.status === 429) {
        const at = Date.now();
        setNow(at);
        setWaitUntil(at + (error.retryAfterSeconds ?? 5) * 1000);
        return setProblem({ kind: 'throttled' });
      }
      if (error instanceof ApiError && onRefused?.(error, values)) return;
      setProblem({
        kind: 'refused',
        message: describeError(error),
        code: error instanceof ApiError ? error.code : undefined,
      });
    }
  };

  /** After a 409: reload what she sees, then send what she typed again (nothing of it was recorded). */
  const reloadAndReapply = async () => {
    await Promise.all(invalidates.map((queryKey) => queryClient.refetchQueries({ queryKey })));
    if (last.current) await submit(last.current);
  };

  const secondsLeft = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  return (
    <section
      aria-labelledby={title ? `${id}-title` : undefined}
      aria-label={title ? undefined : submitLabel}
      className={inCase ? 'saeil-record-form saeil-command-form' : 'saeil-record-form'}
    >
      {title && !dialog && (
        <Typography.Title level={inCase ? 3 : 2} id={`${id}-title`} className="saeil-form-title">
          {title}
        </Typography.Title>
      )}
      <Form<V>
        form={form}
        name={id}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onKeyDown={(e) => onFormKeyDown(e, () => !command.isPending && !waiting && form.submit())}
        noValidate
        requiredMark="optional"
        scrollToFirstError={{ focus: true }}
      >
        {children}
        {problem?.kind === 'fields' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title="입력한 내용을 확인해 주세요."
            description={problem.others.length > 0 ? problem.others.join(' ') : undefined}
            style={{ marginBottom: 12 }}
          />
        )}
        {problem?.kind === 'refused' && (
          <Alert type="error" showIcon role="alert" title={problem.message} style={{ marginBottom: 12 }} />
        )}
        {problem?.kind === 'conflict' && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title="다른 사람이 먼저 기록했습니다. 아무것도 저장되지 않았습니다."
            description={`새로 불러온 ${inCase ? '사례' : '목록'}을 확인하고, 입력한 내용을 그대로 다시 저장할 수 있습니다.`}
            action={
              <Button onClick={() => void reloadAndReapply()} loading={command.isPending}>
                새로 불러와 다시 적용
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        {problem?.kind === 'throttled' && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={
              waiting
                ? `요청이 너무 많습니다. ${secondsLeft}초 후에 다시 저장할 수 있습니다.`
                : '이제 다시 저장할 수 있습니다.'
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Space wrap className={dialog ? 'saeil-dialog-buttons' : undefined}>
          {dialog && onCancel && <Button onClick={onCancel}>{cancelLabel}</Button>}
          <Button type="primary" htmlType="submit" loading={command.isPending} disabled={waiting}>
            {waiting ? `${secondsLeft}초 후 ${submitLabel}` : submitLabel}
          </Button>
          {!dialog && onCancel && <Button onClick={onCancel}>{cancelLabel}</Button>}
        </Space>
        <div role="status" aria-live="polite" className="saeil-form-status">
          {done && <Typography.Text className="saeil-saved">{done}</Typography.Text>}
        </div>
      </Form>
    </section>
  );
}

/**
 * Enter in a one-line field submits the form; the Enter that ends a Hangul syllable's composition
 * (isComposing, or keyCode 229 in browsers that report it so) never does.
 */
export function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>, submit: () => void): void {
  if (event.key !== 'Enter') return;
  if (event.nativeEvent.isComposing || event.keyCode === 229) {
    event.preventDefault();
    return;
  }
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement)) return;
  // The browser's own Enter-submits is ours to decide: a select or a date picker takes Enter for
  // itself (choose the option, take the typed day) and must not save a half-filled form.
  event.preventDefault();
  const oneLine =
    !['checkbox', 'radio', 'button', 'submit'].includes(target.type) &&
    target.getAttribute('role') !== 'combobox' &&
    !target.closest('.ant-picker, .ant-select');
  if (oneLine) submit();
}

type NamePath = (string | number)[];

/**
 * The API names fields by their path in the body ('attendees[0]'); each error goes to the longest
 * part of its path the form has a field for (after fieldFor renames it); one with no field at all is said above the button.
 */
export function placeFieldErrors(
  form: Pick<FormInstance, 'getFieldsValue'>,
  error: ApiError,
  fieldFor?: (apiPath: NamePath) => NamePath | undefined,
): { placed: { name: NamePath; errors: string[] }[]; others: string[] } {
  const mounted = form.getFieldsValue() as Record<string, unknown>;
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const others: string[] = [];
  for (const { name, errors } of toFormFields(error)) {
    const at = longestMounted(mounted, fieldFor?.(name) ?? name);
    if (!at) {
      others.push(...errors);
      continue;
    }
    const key = JSON.stringify(at);
    placed.set(key, { name: at, errors: [...(placed.get(key)?.errors ?? []), ...errors] });
  }
  return { placed: [...placed.values()], others };
}

function longestMounted(values: Record<string, unknown>, name: NamePath): NamePath | undefined {
  for (let length = name.length; length > 0; length--) {
    const path = name.slice(0, length);
    let node: unknown = values;
    let found = true;
    for (const part of path) {
      if (node !== null && typeof node === 'object' && part in (node as object))
        node = (node as Record<string | number, unknown>)[part];
      else {
        found = false;
        break;
      }
    }
    if (found) return path;
  }
  return undefined;
}
