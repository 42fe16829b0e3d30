import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  description?: string;
  /** Shown at once while typing: the field is marked invalid and the message is announced. */
  error?: string | null;
  multiline?: boolean;
  type?: 'text' | 'email' | 'date' | 'number' | 'password';
  name?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
}

/** A labelled text field whose error is tied to the input (aria-describedby), not only coloured. */
export function TextInput(props: Props) {
  return (
    <TextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      isInvalid={Boolean(props.error)}
      isRequired={props.isRequired}
      name={props.name}
      type={props.multiline ? undefined : props.type}
      autoFocus={props.autoFocus}
      validationBehavior="aria"
    >
      <Label>{props.label}</Label>
      {props.multiline ? <TextArea rows={3} /> : <Input />}
      {props.description && <Text slot="description">{props.description}</Text>}
      <FieldError>{props.error}</FieldError>
    </TextField>
  );
}
