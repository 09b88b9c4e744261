import { useState } from 'react';
import { Dialog, Field } from './Dialog.js';

/** A one-field dialog (rename an issue or a section). */
export function TextDialog(props: {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onClose(): void;
  onSubmit(value: string): void;
}) {
  const [value, setValue] = useState(props.initial);
  return (
    <Dialog
      title={props.title}
      submitLabel={props.submitLabel}
      submitDisabled={value.trim() === ''}
      onClose={props.onClose}
      onSubmit={() => props.onSubmit(value.trim())}
    >
      <Field label={props.label}>
        <input name="text" value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
    </Dialog>
  );
}
