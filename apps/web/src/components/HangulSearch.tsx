import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * A search box that submits on Enter, except while a Hangul syllable is being composed (IME):
 * the Enter that ends the composition would otherwise search for half-typed syllables.
 */
export function HangulSearch({ value, onSearch, label, placeholder }: { value: string; onSearch: (q: string) => void; label: string; placeholder?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <Input
      aria-label={label}
      placeholder={placeholder}
      prefix={<SearchOutlined aria-hidden />}
      value={text}
      allowClear
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && value !== '') onSearch('');
      }}
      onKeyDown={onKeyDown}
      style={{ maxWidth: 320 }}
    />
  );
}
