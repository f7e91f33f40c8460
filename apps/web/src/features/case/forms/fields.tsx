import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { today } from '../../../components/format';
import { optionsOf } from '../terms';

type Name = string | (string | number)[];
const required = (label: string): Rule => ({ required: true, message: `${label}을(를) 입력해 주세요.` });

/**
 * A day, as the API takes it (YYYY-MM-DD): antd's Korean date picker, typable as 2026-03-05 (Enter
 * takes what she typed), days after today greyed out unless `future`.
 */
export function DateField({
  name,
  label,
  optional = false,
  future = false,
  extra,
}: {
  name: Name;
  label: string;
  optional?: boolean;
  future?: boolean;
  extra?: ReactNode;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={optional ? [] : [{ required: true, message: `${label}을(를) 입력해 주세요.` }]}
      extra={extra}
      getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
      normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
    >
      <DatePicker
        format="YYYY-MM-DD"
        placeholder="YYYY-MM-DD"
        disabledDate={future ? undefined : (d) => d.format('YYYY-MM-DD') > today()}
        style={{ width: 200 }}
      />
    </Form.Item>
  );
}

export function TextField({
  name,
  label,
  optional = false,
  placeholder,
  max = 200,
  extra,
}: {
  name: Name;
  label: string;
  optional?: boolean;
  placeholder?: string;
  max?: number;
  extra?: ReactNode;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={optional ? [] : [required(label), { whitespace: true, message: `${label}을(를) 입력해 주세요.` }]}
      extra={extra}
    >
      <Input placeholder={placeholder} maxLength={max} autoComplete="off" />
    </Form.Item>
  );
}

export function NotesField({
  name,
  label,
  optional = true,
  rows = 3,
  extra,
}: {
  name: Name;
  label: string;
  optional?: boolean;
  rows?: number;
  extra?: ReactNode;
}) {
  return (
    <Form.Item name={name} label={label} rules={optional ? [] : [required(label)]} extra={extra}>
      <Input.TextArea rows={rows} maxLength={4000} />
    </Form.Item>
  );
}

export function NumberField({
  name,
  label,
  optional = false,
  min,
  max,
  unit,
  step,
}: {
  name: Name;
  label: string;
  optional?: boolean;
  min?: number;
  max?: number;
  unit?: string;
  step?: number;
}) {
  return (
    <Form.Item name={name} label={label} rules={optional ? [] : [required(label)]}>
      <InputNumber min={min} max={max} step={step} suffix={unit} style={{ width: 200 }} />
    </Form.Item>
  );
}

/** An amount in 원, shown with thousands separators (2,450,000). */
export function MoneyField({ name, label, optional = false }: { name: Name; label: string; optional?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={optional ? [] : [required(label)]}>
      <InputNumber<number>
        min={0}
        step={10000}
        suffix="원"
        style={{ width: 220 }}
        formatter={(value) =>
          value === undefined || value === null || `${value}` === '' ? '' : Number(value).toLocaleString('ko-KR')
        }
        parser={(text) => Number((text ?? '').replace(/[^\d]/g, '')) as unknown as number}
      />
    </Form.Item>
  );
}

export function ChoiceField<K extends string>({
  name,
  label,
  labels,
  optional = false,
  extra,
}: {
  name: Name;
  label: string;
  labels: Record<K, string>;
  optional?: boolean;
  extra?: ReactNode;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={optional ? [] : [{ required: true, message: `${label}을(를) 골라 주세요.` }]}
      extra={extra}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear={optional}
        options={optionsOf(labels)}
        placeholder="고르기"
        style={{ maxWidth: 320 }}
      />
    </Form.Item>
  );
}

export function ChecksField<K extends string>({
  name,
  label,
  labels,
  optional = true,
}: {
  name: Name;
  label: string;
  labels: Record<K, string>;
  optional?: boolean;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={optional ? [] : [{ required: true, message: `${label}을(를) 하나 이상 골라 주세요.` }]}
    >
      <CheckGroup label={label} options={optionsOf(labels)} />
    </Form.Item>
  );
}

/**
 * Checkboxes as one named group. antd's Checkbox.Group is a plain div that Form.Item gives
 * aria-required, which a div may not carry (axe: aria-allowed-attr); a group is named instead.
 */
function CheckGroup<K extends string>({
  label,
  options,
  value,
  onChange,
  id,
}: {
  label: string;
  options: { value: K; label: string }[];
  value?: K[];
  onChange?: (value: K[]) => void;
  id?: string;
}) {
  return (
    <div role="group" aria-label={label} id={id}>
      <Checkbox.Group options={options} value={value} onChange={(next) => onChange?.(next as K[])} />
    </div>
  );
}

/** Lines of a text area ↔ the list the API takes (goals, difficulties, certifications). */
export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A few choices whose values are not text (numbers, yes/no): radio buttons, arrow keys move between them. */
export function RadioField<T extends string | number | boolean>({
  name,
  label,
  options,
  optional = false,
}: {
  name: Name;
  label: string;
  options: { value: T; label: string }[];
  optional?: boolean;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={optional ? [] : [{ required: true, message: `${label}을(를) 골라 주세요.` }]}
    >
      <Radio.Group options={options} />
    </Form.Item>
  );
}
