import { AppError } from '../../../../shared/errors';
import { buildPackage } from '../../package/build-package';
import { generatePassphrase } from '../../package/passphrase';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

export function exportHandlers(ctx: HandlerContext): Pick<Handlers, 'export:run'> {
  return {
    'export:run': async ({ runId, lang, minConfidence, encrypt, allowIncomplete, formats }) => {
      const run = ctx.run(runId);
      if (!run?.result) throw new AppError('NOT_FOUND', 'That search is no longer available. Run the search again, then export.');
      const ws = ctx.workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      const out = await ctx.deps.dialogs.savePackage(lang === 'nb' ? 'innsyn.zip' : 'access-request.zip');
      if (!out) return { path: null, files: 0, verified: false };
      // Generated here, returned once for the DPO to send separately, and never stored.
      const passphrase = encrypt ? generatePassphrase() : null;
      const built = await buildPackage({
        outFile: out,
        result: run.result,
        sources: run.sources,
        controller: ws.controller,
        lang,
        minConfidence,
        allowIncomplete,
        formats,
        password: passphrase ?? undefined,
        onProgress: (p) => ctx.deps.emit('export:progress', { ref: null, ...p }),
        resourcesDir: ctx.deps.resourcesDir,
        tool: ctx.deps.tool,
      });
      return {
        path: built.file,
        files: built.manifest.files.length + 1,
        verified: built.verified,
        complete: built.manifest.complete,
        passphrase,
      };
    },
  };
}
