import { Button, Space } from 'antd';
import type { CaseForm, CaseSearch } from '../case-search';

/**
 * The buttons that open a tab's forms; the open one is in the URL (`form=`), so a work-queue link
 * or a reload opens the same form. Pressed state is announced (aria-pressed).
 */
export function FormPicker({
  label,
  forms,
  search,
  setSearch,
  extra = {},
}: {
  label: string;
  forms: { form: CaseForm; label: string; disabled?: boolean }[];
  search: CaseSearch;
  setSearch: (next: CaseSearch) => void;
  extra?: Partial<CaseSearch>;
}) {
  return (
    <div role="group" aria-label={label} style={{ margin: '16px 0' }}>
      <Space wrap>
        {forms.map(({ form, label: text, disabled }) => (
          <Button
            key={form}
            aria-pressed={search.form === form}
            type={search.form === form ? 'primary' : 'default'}
            ghost={search.form === form}
            disabled={disabled}
            onClick={() =>
              setSearch(search.form === form ? { ...search, form: undefined } : { ...search, ...extra, form })
            }
          >
            {text}
          </Button>
        ))}
      </Space>
    </div>
  );
}
