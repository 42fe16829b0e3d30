import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CaseDetail, CaseReviewUpdate } from '../../../shared/case';
import type { Workspace } from '../../../shared/workspace';
import { useApi } from './api-context';
import { applyReviewUpdate } from './review-update';

/**
 * The work in progress shared by the screens: the workspace and the open request (case).
 * Everything about the case (hits, decisions, redactions) lives in the core's case register;
 * the UI only holds the latest copy main sent back, so what is reviewed is what is exported.
 * After a decision, a redaction or an answer to a suggestion, main sends only what changed
 * (applyReview).
 */
export interface Session {
  workspace: Workspace | null;
  setWorkspace(ws: Workspace | null): void;
  detail: CaseDetail | null;
  setDetail(d: CaseDetail | null): void;
  /** Applies what a review action changed to the case as it is now, even if another update came first. */
  applyReview(update: CaseReviewUpdate): void;
  openCase(ref: string): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const openCase = useCallback(async (ref: string) => setDetail(await api['case:get']({ ref })), [api]);
  const applyReview = useCallback((update: CaseReviewUpdate) => setDetail((d) => (d ? applyReviewUpdate(d, update) : d)), []);
  const value = useMemo<Session>(() => ({ workspace, setWorkspace, detail, setDetail, applyReview, openCase }), [workspace, detail, applyReview, openCase]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** A short name for the open case's person, for headings; the reference when there is no name. */
export function caseLabel(detail: CaseDetail): string {
  const s = detail.case.subject;
  const who = s.names[0] ?? s.emails[0] ?? s.phones[0] ?? s.others[0];
  return who ? `${detail.case.ref} · ${who}` : detail.case.ref;
}
