import { AppError } from '../../../../shared/errors';
import { writeAccountabilityReport } from '../../cases/accountability-report';
import { caseCoverLetter } from '../../cases/case-letter';
import { CaseRegister } from '../../cases/case-register';
import { caseDetail, decide, redact, removeRedaction, suggestionsUpdate } from '../../cases/case-review';
import { decideMany } from '../../cases/case-review-many';
import { addIdentifier, dismissSuggestion } from '../../cases/case-suggestions';
import { assertMove } from '../../cases/case-status';
import { exportCase } from '../../cases/export-case';
import { storeSearch } from '../../cases/mail-originals';
import { purgeExpired } from '../../cases/retention';
import { generatePassphrase } from '../../package/passphrase';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';
import { searchHandlers } from './search';

type CaseMethods =
  | 'case:list'
  | 'case:get'
  | 'case:create'
  | 'case:requestIdentity'
  | 'case:verify'
  | 'case:extend'
  | 'case:reject'
  | 'case:close'
  | 'case:note'
  | 'case:search'
  | 'case:review'
  | 'case:reviewMany'
  | 'case:addIdentifier'
  | 'case:dismissSuggestion'
  | 'case:redact'
  | 'case:unredact'
  | 'case:export'
  | 'case:coverLetter'
  | 'case:audit'
  | 'case:report'
  | 'settings:get'
  | 'settings:set';

/**
 * The case register over the contract. The retention rule runs on the first case call of
 * each day, so a desktop app left open for weeks still deletes expired record copies.
 */
export function caseHandlers(ctx: HandlerContext): Pick<Handlers, CaseMethods> {
  const reg = new CaseRegister(ctx.deps.db);
  let purgedOn = '';
  const register = () => {
    if (purgedOn !== reg.today()) {
      purgeExpired(reg);
      purgedOn = reg.today();
    }
    return reg;
  };
  const runSearch = searchHandlers(ctx)['search:run'];

  return {
    'case:list': async ({ filter, dueSoonDays }) => ({ today: register().today(), cases: register().list(filter, dueSoonDays) }),
    'case:get': async ({ ref }) => caseDetail(register(), ref),
    'case:create': async (input) => register().create(input),
    'case:requestIdentity': async ({ ref, note }) => register().requestIdentity(ref, note),
    'case:verify': async ({ ref, ...v }) => register().verify(ref, v),
    'case:extend': async ({ ref, reason, notified }) => register().extend(ref, reason, notified),
    'case:reject': async ({ ref, reason }) => register().reject(ref, reason),
    'case:close': async ({ ref }) => register().close(ref),
    'case:note': async ({ ref, text }) => register().addNote(ref, text),

    'case:search': async ({ ref, sources }) => {
      const row = register().row(ref);
      // Refuse before scanning: a search that cannot be stored with the case is wasted work.
      assertMove(ref, row.status, 'reviewing');
      const { runId, result } = await runSearch({ subject: row.subject, sources });
      const run = ctx.run(runId);
      return { runId, detail: await storeSearch(register(), ref, result, run?.sources ?? []) };
    },
    'case:review': async ({ ref, hitId, include, reason, ground }) => decide(register(), ref, hitId, { include, reason, ground }),
    'case:reviewMany': async ({ ref, hitIds, include, reason, ground }) => decideMany(register(), ref, hitIds, { include, reason, ground }),
    'case:addIdentifier': async ({ ref, kind, value }) => {
      addIdentifier(register(), ref, kind, value);
      return suggestionsUpdate(register(), ref);
    },
    'case:dismissSuggestion': async ({ ref, kind, value }) => {
      dismissSuggestion(register(), ref, kind, value);
      return suggestionsUpdate(register(), ref);
    },
    'case:redact': async ({ ref, ...r }) => redact(register(), ref, r).update,
    'case:unredact': async ({ ref, redactionId }) => removeRedaction(register(), ref, redactionId),

    'case:export': async ({ ref, lang, minConfidence, encrypt, allowIncomplete, formats }) => {
      const ws = ctx.workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      register().row(ref);
      const out = await ctx.deps.dialogs.savePackage(lang === 'nb' ? `innsyn-${ref}.zip` : `access-request-${ref}.zip`);
      if (!out) return { path: null, files: 0, verified: false, sha256: null };
      // Generated here and returned once: not in the audit trail, the store or any log.
      const passphrase = encrypt ? generatePassphrase() : null;
      const built = await exportCase(register(), ref, {
        outFile: out,
        controller: ws.controller,
        lang,
        minConfidence,
        allowIncomplete,
        formats,
        password: passphrase ?? undefined,
        onProgress: (p) => ctx.deps.emit('export:progress', { ref, ...p }),
        resourcesDir: ctx.deps.resourcesDir,
        tool: ctx.deps.tool,
      });
      return {
        path: built.file,
        files: built.manifest.files.length + 1,
        verified: built.verified,
        sha256: built.sha256,
        complete: built.manifest.complete,
        passphrase,
      };
    },
    'case:coverLetter': async ({ ref, lang, minConfidence, formats }) => {
      const ws = ctx.workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      return caseCoverLetter(register(), ref, { controller: ws.controller, lang, minConfidence, formats, resourcesDir: ctx.deps.resourcesDir });
    },
    'case:audit': async ({ ref }) => ({ entries: register().auditEntries(ref), verification: register().verifyAudit(ref) }),
    'case:report': async ({ ref }) => {
      register().row(ref);
      const out = await ctx.deps.dialogs.savePackage(`${ref}-accountability.xlsx`);
      if (!out) return { path: null, chainOk: register().verifyAudit(ref).ok };
      const written = await writeAccountabilityReport(register(), ref, out);
      return { path: written.file, chainOk: written.chainOk };
    },

    'settings:get': async () => register().settings.all(),
    'settings:set': async ({ retentionDays }) =>
      retentionDays === undefined ? register().settings.all() : register().settings.set('retentionDays', String(retentionDays)),
  };
}
