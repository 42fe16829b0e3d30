import type { ReactNode } from 'react';

/** Errors are announced (role=alert); other notices politely (role=status). */
export function Notice({ kind, children, testId }: { kind: 'error' | 'info' | 'success' | 'warning'; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

export function ScreenHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  return (
    <div className="screen-header">
      <div>
        <h1>{title}</h1>
        {intro && <p className="intro">{intro}</p>}
      </div>
      {actions && <div className="screen-actions">{actions}</div>}
    </div>
  );
}
