import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { RecordForm, type RecordFormProps } from './RecordForm';

export interface RecordDialogProps<V, R> extends Omit<
  RecordFormProps<V, R>,
  'title' | 'inCase' | 'onCancel' | 'dialog'
> {
  open: boolean;
  title: ReactNode;
  /** Closing without saving (취소, the ×, Escape); a save closes it too, after onSaved. */
  onClose: () => void;
  width?: number;
}

/**
 * A dialog that records one thing: antd's Modal around RecordForm, so a dialog sends, places the
 * API's field errors, says a refusal, offers the 409 reload, counts down a 429 and keeps the Enter
 * rule exactly as every other form does. Its buttons are the form's own (취소 and the submit label
 * at the end, like a dialog's footer); a save closes it and the saved sentence stays as a toast.
 * Its fields are destroyed on close, so it opens empty (or with initialValues) every time.
 */
export function RecordDialog<V extends object, R extends { position?: number }>(props: RecordDialogProps<V, R>) {
  const { open, title, onClose, width, onSaved, cancelLabel = '취소', ...form } = props;
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={width} destroyOnHidden>
      <RecordForm<V, R>
        {...form}
        dialog
        cancelLabel={cancelLabel}
        onCancel={onClose}
        onSaved={(result, values) => {
          onSaved?.(result, values);
          onClose();
        }}
      />
    </Modal>
  );
}
