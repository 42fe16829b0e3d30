import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SearchResult } from '../../../shared/search';
import type { Subject } from '../../../shared/subject';
import type { Workspace } from '../../../shared/workspace';

export interface SearchRun {
  runId: string;
  result: SearchResult;
}

/** Why a hit is left out; the same grounds the package builder and cover letter use. */
export type ExclusionGround = 'not-subject' | 'third-party' | 'exempt';

/** A review decision on one hit, kept until the export that applies it. */
export interface Decision {
  include: boolean;
  ground?: ExclusionGround;
  reason: string;
}

/**
 * Art. 15(4): the whole field masked, or every occurrence of a text inside it. Text rather
 * than offsets, so a redaction can never land on the wrong characters.
 */
export interface Redaction {
  hitId: string;
  field: string;
  action: 'mask' | 'mask-text';
  text?: string;
  reason: string;
}

/** The work in progress shared by the screens: one workspace, one subject, one search. */
export interface Session {
  workspace: Workspace | null;
  setWorkspace(ws: Workspace | null): void;
  subject: Subject | null;
  subjectLabel: string | null;
  setSubject(subject: Subject | null, label: string | null): void;
  run: SearchRun | null;
  setRun(run: SearchRun | null): void;
  decisions: Record<string, Decision>;
  decide(hitIds: readonly string[], decision: Decision): void;
  redactions: Redaction[];
  redact(r: Redaction): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [subject, setSubjectState] = useState<{ subject: Subject; label: string | null } | null>(null);
  const [run, setRunState] = useState<SearchRun | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [redactions, setRedactions] = useState<Redaction[]>([]);

  const value = useMemo<Session>(
    () => ({
      workspace,
      setWorkspace,
      subject: subject?.subject ?? null,
      subjectLabel: subject?.label ?? null,
      setSubject: (s, label) => {
        setSubjectState(s ? { subject: s, label } : null);
        setRunState(null);
      },
      run,
      setRun: (r) => {
        setRunState(r);
        setDecisions({});
        setRedactions([]);
      },
      decisions,
      decide: (ids, d) =>
        setDecisions((prev) => {
          const next = { ...prev };
          for (const id of ids) next[id] = d;
          return next;
        }),
      redactions,
      redact: (r) => setRedactions((prev) => [...prev, r]),
    }),
    [workspace, subject, run, decisions, redactions],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
