import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry } from '../../../shared/case';
import type { CaseRegister } from './case-register';
import { caseDetail } from './case-review';
import { statusLabel } from './case-status';

/**
 * The controller's internal record for one case (Art. 5(2)): what was asked, how identity
 * was checked, which sources were searched with which identifiers and with what result,
 * every decision and redaction with its reason, the export's checksum, and the audit trail
 * with its verification. It is never part of the package sent to the person: the reasons
 * may describe other people.
 */
export async function writeAccountabilityReport(reg: CaseRegister, ref: string, outFile: string): Promise<{ file: string; chainOk: boolean }> {
  const detail = caseDetail(reg, ref);
  const c = detail.case;
  const entries = reg.auditEntries(ref);
  const check = reg.verifyAudit(ref);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Innsyn';

  const summary = sheet(wb, 'Case', ['Field', 'Value'], [28, 90]);
  const rows: Array<[string, string]> = [
    ['Reference', c.ref],
    ['Request', c.types.join(', ')],
    ['Channel', c.channel],
    ['Received', c.received],
    ['Deadline', c.deadline],
    ['One-month deadline', c.firstDeadline],
    ['Extension', c.extension ? `${c.extension.reason}; person told ${c.extension.notified ?? 'not yet'}` : 'none'],
    ['Extension warning', c.extension?.warning ?? ''],
    ['Identity verified', c.verification ? `${c.verification.method}, ${c.verification.date}, by ${c.verification.by}` : 'not recorded'],
    ['Status', statusLabel(c.status)],
    ['Rejection reason', c.rejectionReason ?? ''],
    ['Answered', c.answeredOn ?? ''],
    ['Closed', c.closedOn ?? ''],
    ['Record copies deleted', c.purgedOn ?? ''],
    ['Audit trail', check.ok ? `intact (${check.entries} entries)` : `BROKEN: ${check.problems.join('; ')}`],
  ];
  for (const r of rows) summary.addRow(r);

  const searches = sheet(wb, 'Searches', ['When', 'Source', 'Kind', 'Status', 'Records searched', 'Hits', 'Identifiers used'], [22, 22, 10, 10, 16, 8, 60]);
  for (const e of entries.filter((x) => x.event === 'search-run')) {
    const identifiers = JSON.stringify(e.data.identifiers ?? {});
    for (const s of (e.data.sources ?? []) as Array<Record<string, unknown>>) {
      searches.addRow([e.at, String(s.id), String(s.kind), String(s.status), Number(s.scanned), Number(s.hits), identifiers]);
    }
  }

  const decisions = sheet(wb, 'Decisions', ['Hit', 'Source', 'Decision', 'Ground', 'Reason', 'When'], [36, 18, 10, 14, 50, 24]);
  for (const h of detail.hits) {
    if (h.decision) decisions.addRow([h.hitId, h.source, h.decision.include ? 'include' : 'exclude', h.decision.ground ?? '', h.decision.reason, h.decision.at]);
  }
  const redactions = sheet(wb, 'Redactions', ['#', 'Hit', 'Field', 'Span', 'Mode', 'Reason', 'When'], [6, 36, 20, 12, 10, 50, 24]);
  for (const r of detail.hits.flatMap((h) => h.redactions)) {
    redactions.addRow([r.id, r.hitId, r.field, r.span ? `${r.span[0]}:${r.span[1]}` : 'whole field', r.mode, r.reason, r.at]);
  }

  const audit = sheet(wb, 'Audit trail', ['#', 'When', 'Event', 'Details', 'Previous hash', 'Hash'], [6, 24, 18, 80, 66, 66]);
  for (const e of entries) audit.addRow([e.seq, e.at, e.event, describe(e), e.prevHash, e.hash]);

  const file = path.resolve(outFile);
  const partial = `${file}.partial`;
  try {
    await wb.xlsx.writeFile(partial);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { file, chainOk: check.ok };
}

/** The entry's data, without the bulky manifest file list (its hash is in the export entry). */
function describe(e: AuditEntry): string {
  const { manifest: _manifest, ...rest } = e.data;
  return JSON.stringify(rest);
}

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 20 }));
  ws.getRow(1).font = { bold: true };
  return ws;
}
