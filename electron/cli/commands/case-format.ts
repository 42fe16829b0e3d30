import type { AuditEntry, Case, CaseDetail, CaseReviewUpdate, CaseSummary, HitReview } from '../../../shared/case';
import { statusLabel } from '../../core/cases/case-status';

/** Human-readable output for the case commands. Scripts use --json instead. */
export function formatCase(c: Case): string {
  const lines = [
    `Case ${c.ref}  ${statusLabel(c.status)}`,
    `  Request:   ${c.types.join(', ')} by ${c.channel}, received ${c.received}`,
    `  Deadline:  ${c.deadline}${c.extension ? ` (extended; one month was ${c.firstDeadline})` : ''}`,
  ];
  if (c.extension) lines.push(`  Extension: ${c.extension.reason}; person told ${c.extension.notified ?? 'not yet'}`);
  if (c.extension?.warning) lines.push(`  Warning:   ${c.extension.warning}`);
  if (c.verification) {
    const v = c.verification;
    lines.push(`  Identity:  ${v.method}, ${v.date}, by ${v.by}${v.note ? ` (${v.note})` : ''}`);
  }
  if (c.rejectionReason) lines.push(`  Rejected:  ${c.rejectionReason}`);
  if (c.answeredOn) lines.push(`  Answered:  ${c.answeredOn}`);
  if (c.closedOn) lines.push(`  Closed:    ${c.closedOn}`);
  if (c.purgedOn) lines.push(`  Records deleted under the retention rule on ${c.purgedOn}`);
  for (const n of c.notes) lines.push(`  Note ${n.at.slice(0, 10)}: ${n.text}`);
  return `${lines.join('\n')}\n`;
}

export function formatDetail(d: CaseDetail): string {
  const lines = [formatCase(d.case).trimEnd()];
  if (d.search) {
    lines.push(`  Searched ${d.search.at.slice(0, 16).replace('T', ' ')} UTC:`);
    for (const s of d.search.sources) lines.push(`    ${s.id.padEnd(20)} ${s.status.padEnd(8)} ${String(s.hits).padStart(6)} hits`);
  }
  if (d.hits.length > 0) lines.push('', `Hits (${d.hits.length}):`);
  for (const h of d.hits) lines.push(...hitLines(h, h.hit ? `${h.hit.confidence.padEnd(6)} ` : 'purged '));
  return `${lines.join('\n')}\n`;
}

/** After a decision or redaction: the case, and only the hits it changed. */
export function formatUpdate(u: CaseReviewUpdate): string {
  return `${[formatCase(u.case).trimEnd(), '', ...u.hits.flatMap((h) => hitLines(h, ''))].join('\n')}\n`;
}

function hitLines(h: HitReview, confidence: string): string[] {
  const decision = h.decision ? `${h.decision.include ? 'include' : `exclude (${h.decision.ground})`}: ${h.decision.reason}` : 'not decided';
  return [
    `  ${confidence} ${h.hitId}  ${decision}`,
    ...h.redactions.map((r) => `           redaction ${r.id}: ${r.mode} ${r.field}${r.span ? ` [${r.span[0]}:${r.span[1]}]` : ''} (${r.reason})`),
  ];
}

export function formatList(list: CaseSummary[]): string {
  if (list.length === 0) return 'No cases.\n';
  const lines = list.map((c) => {
    const days = c.daysLeft < 0 ? `${-c.daysLeft} days overdue` : c.daysLeft === 0 ? 'due today' : `${c.daysLeft} days left`;
    return `${c.ref}  ${c.deadline}  ${days.padEnd(16)} ${statusLabel(c.status).padEnd(18)} ${c.types.join(',')}${c.warning ? '  ⚠ extension not notified in time' : ''}`;
  });
  return `${lines.join('\n')}\n`;
}

export function formatAudit(entries: AuditEntry[]): string {
  return `${entries.map((e) => `${String(e.seq).padStart(4)}  ${e.at}  ${e.event.padEnd(18)} ${e.hash.slice(0, 12)}`).join('\n')}\n`;
}
