import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useState, type KeyboardEvent } from 'react';

/**
 * A search box that submits on Enter, except while a Hangul syllable is being composed (IME):
 * the Enter that ends the composition would otherwise search for half-typed syllables.
 */
export function HangulSearch({
  value,
  onSearch,
  label,
  placeholder,
}: {
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  // A new value from outside (the URL's search) replaces what is typed: set while rendering, as
  // React advises for state that follows a prop, not in an effect after a first wrong paint.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
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
