import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { addDays, formatDate, parseDate, todayIn } from '../../electron/core/cases/calendar-date';
import { openStore } from '../../electron/core/store/store';
import type { CaseDetail, CaseReviewUpdate } from '../../shared/case';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';

/** The case methods as the renderer calls them: through the dispatcher, validated by the contract. */
function session(workspace = path.join(projectRoot, 'resources', 'demo', 'workspace.json')) {
  const dataDir = tempDir();
  const out = tempDir();
  const db = openStore(dataDir);
  const saved: string[] = [];
  const handlers = createHandlers({
    db,
    dataDir,
    resourcesDir: path.join(projectRoot, 'resources'),
    tool: { name: 'Innsyn', version: 'test' },
    dialogs: {
      openWorkspace: async () => workspace,
      savePackage: async (name) => {
        const file = path.join(out, name);
        saved.push(file);
        return file;
      },
    },
    emit: () => {},
  });
  const dispatch = createDispatcher(handlers);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
    return r.value as T;
  };
  return { db, dispatch, call, saved };
}

describe('case:* over the contract', () => {
  it('runs a case from creation to export and report, and validates its inputs', async () => {
    const { db, dispatch, call, saved } = session();
    await call('workspace:import', {});
    const received = formatDate(addDays(parseDate(todayIn(new Date())), -2));
    const created = await call<{ ref: string; status: string }>('case:create', {
      subject: { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'] },
      channel: 'web-form',
      received,
    });
    expect(created.status).toBe('received');

    const refused = await dispatch('case:search', { ref: created.ref });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    await call('case:verify', { ref: created.ref, method: 'BankID', by: 'Siri DPO' });
    const { detail } = await call<{ detail: CaseDetail }>('case:search', { ref: created.ref });
    expect(detail.case.status).toBe('reviewing');
    expect(detail.search?.sources.map((s) => s.id).sort()).toEqual(['kunderegister', 'kundeservice', 'nettbutikk']);
    const first = detail.hits.find((h) => h.hit?.confidence === 'high')!;
    // Each review action answers with the case and the one hit it changed, not every hit again.
    const reviewed = await call<CaseReviewUpdate>('case:review', { ref: created.ref, hitId: first.hitId, include: true, reason: 'e-mail matches' });
    expect(detail.hits.length).toBeGreaterThan(1);
    expect(reviewed.case.ref).toBe(created.ref);
    expect(reviewed.hits).toEqual([{ hitId: first.hitId, decision: expect.objectContaining({ include: true, reason: 'e-mail matches' }), redactions: [] }]);
    const field = Object.keys(first.hit!.record)[0];
    const redacted = await call<CaseReviewUpdate>('case:redact', { ref: created.ref, hitId: first.hitId, field, reason: 'third-party data' });
    expect(redacted.hits.map((h) => h.hitId)).toEqual([first.hitId]);
    const r = redacted.hits[0].redactions[0];
    expect(r).toMatchObject({ mode: 'mask', span: null, field });
    // What the update says is what the case register holds.
    const stored = (await call<CaseDetail>('case:get', { ref: created.ref })).hits.find((h) => h.hitId === first.hitId)!;
    expect({ hitId: stored.hitId, decision: stored.decision, redactions: stored.redactions }).toEqual(redacted.hits[0]);
    const unredacted = await call<CaseReviewUpdate>('case:unredact', { ref: created.ref, redactionId: r.id });
    expect(unredacted.hits).toEqual([{ hitId: first.hitId, decision: redacted.hits[0].decision, redactions: [] }]);

    const exported = await call<{ path: string; sha256: string; verified: boolean }>('case:export', { ref: created.ref, lang: 'nb', minConfidence: 'high' });
    expect(exported.verified).toBe(true);
    expect(exported.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(path.basename(exported.path)).toBe(`innsyn-${created.ref}.zip`);

    const audit = await call<{ entries: Array<{ event: string }>; verification: { ok: boolean } }>('case:audit', { ref: created.ref });
    expect(audit.verification.ok).toBe(true);
    expect(audit.entries.map((e) => e.event)).toEqual(['case-created', 'identity-verified', 'search-run', 'decision', 'redaction', 'redaction-removed', 'export']);
    const report = await call<{ path: string; chainOk: boolean }>('case:report', { ref: created.ref });
    expect(report.chainOk).toBe(true);
    expect(existsSync(report.path)).toBe(true);
    expect(saved).toHaveLength(2);

    const list = await call<{ cases: Array<{ ref: string; status: string }> }>('case:list', { filter: 'all' });
    expect(list.cases).toEqual([expect.objectContaining({ ref: created.ref, status: 'answered' })]);
    expect(await call('settings:set', { retentionDays: 45 })).toEqual({ retentionDays: 45 });
    expect(await dispatch('settings:set', { retentionDays: -3 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('case:get', { ref: 'DROP TABLE' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('case:get', { ref: '2020-0001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('case:create', { subject: {}, channel: 'email' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    db.close();
  }, 300_000);

  it('refuses to export a mail original that changed after it was reviewed', async () => {
    const copy = tempDir();
    cpSync(path.join(projectRoot, 'resources', 'demo'), copy, { recursive: true });
    const { db, dispatch, call } = session(path.join(copy, 'workspace.json'));
    await call('workspace:import', {});
    const { ref } = await call<{ ref: string }>('case:create', {
      subject: { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'] },
      channel: 'email',
      received: todayIn(new Date()),
    });
    await call('case:verify', { ref, method: 'BankID', by: 'Siri DPO' });
    const { detail } = await call<{ detail: CaseDetail }>('case:search', { ref });
    const mail = detail.hits.filter((h) => h.source === 'kundeservice' && h.hit?.confidence === 'high');
    expect(mail.length).toBeGreaterThan(0);

    // Someone puts another message first in the mailbox: every byte range now points elsewhere.
    const mbox = path.join(copy, 'support.mbox');
    const other = 'From per@example.no Mon Jan  5 10:00:00 2026\nFrom: Per <per@example.no>\nSubject: Privat\n\nPer sin hemmelighet.\n\n';
    writeFileSync(mbox, other + readFileSync(mbox, 'latin1'), 'latin1');
    const refused = await dispatch('case:export', { ref, lang: 'en', minConfidence: 'high' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/kundeservice changed since the search/) } });

    // Searching again stores the new originals; then the export goes through.
    await call('case:search', { ref });
    const exported = await call<{ verified: boolean }>('case:export', { ref, lang: 'en', minConfidence: 'high' });
    expect(exported.verified).toBe(true);
    db.close();
  }, 300_000);
});
