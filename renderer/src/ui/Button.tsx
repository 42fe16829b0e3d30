import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

/** React Aria's button (press, keyboard and focus-visible handling) with our look. */
export function Button({ variant = 'secondary', className, ...props }: ButtonProps & { variant?: Variant }) {
  return <AriaButton {...props} className={`btn btn-${variant}${className ? ` ${String(className)}` : ''}`} />;
}
