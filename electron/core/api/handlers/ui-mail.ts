import PostalMime from 'postal-mime';
import { AppError } from '../../../../shared/errors';
import { CaseRegister } from '../../cases/case-register';
import { caseDetail } from '../../cases/case-review';
import { readOriginalMessage } from '../../sources/mail/original';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

/** Long bodies are cut for the preview; the package always carries the whole original. */
const MAX_PREVIEW_CHARS = 200_000;
const cut = (s: string | undefined) => (s ? s.slice(0, MAX_PREVIEW_CHARS) : null);

/**
 * The review preview of one mail hit, read from the mailbox the case searched. Only hits that
 * belong to the case can be previewed, so the renderer cannot use this to read other files.
 */
export function uiMailHandlers(ctx: HandlerContext): Pick<Handlers, 'mail:preview'> {
  return {
    'mail:preview': async ({ ref, hitId }) => {
      const item = caseDetail(new CaseRegister(ctx.deps.db), ref).hits.find((h) => h.hitId === hitId);
      const hit = item?.hit;
      if (!hit || !('file' in hit.location)) throw new AppError('NOT_FOUND', 'That message is not part of this request (or its copy was deleted under the retention rule).');
      const source = ctx.workspaces.get()?.sources.find((s) => s.id === hit.source);
      if (!source || source.kind !== 'mailbox') throw new AppError('NOT_FOUND', `The mailbox "${hit.source}" is no longer in the workspace.`);
      let raw: Buffer;
      try {
        raw = await readOriginalMessage(source.path, hit.location);
      } catch {
        throw new AppError('SOURCE_FAILED', 'The original message could not be read from the mailbox. It may have been moved or changed since the search; search again.');
      }
      const mail = await PostalMime.parse(raw);
      return {
        text: cut(mail.text),
        html: cut(mail.html),
        attachments: mail.attachments.map((a) => ({
          name: a.filename ?? null,
          type: a.mimeType,
          size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
        })),
      };
    },
  };
}
