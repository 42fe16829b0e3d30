import { AppError } from '../../../shared/errors';
import type { SourceConfig } from '../../../shared/workspace';
import { OriginalReader } from '../sources/mail/original';
import type { SourceGroup } from './grouping';
import { originalWithheld } from './package-plan';
import { safeName } from './safe-name';

export interface MailFilesInput {
  groups: readonly SourceGroup[];
  sources: readonly SourceConfig[];
  /** ZIP encryption does not hide file names, so an encrypted package names messages by number only. */
  subjectsInNames: boolean;
  /** Stages the file and gives its SHA-256 (hex). */
  stage(name: string, content: Buffer): Promise<string>;
  /** Each original's SHA-256 when it was reviewed, by hit id; see `fingerprints` on BuildPackageInput. */
  fingerprints?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

export interface MailFiles {
  /** Package path of each exported original, by hit id. */
  emlPaths: Map<string, string>;
  /** Messages whose original was not exported because a reviewer redacted part of them. */
  withheld: number;
}

/**
 * Stages each included message as `mail/<source>/<n>-<subject>.eml` with the bytes the
 * mailbox holds, attachments and all. `n` is the message's position in the source's mail
 * overview, so the file, the spreadsheet row and the data.json entry line up.
 */
export async function stageMailFiles(input: MailFilesInput): Promise<MailFiles> {
  const emlPaths = new Map<string, string>();
  let withheld = 0;
  const wanted: Array<{ hitId: string; source: string; name: string; read: () => Promise<Buffer> }> = [];
  const mbox = new OriginalReader();
  for (const group of input.groups) {
    const cfg = input.sources.find((s) => s.id === group.id);
    if (!cfg || !('path' in cfg)) continue;
    const width = Math.max(4, String(group.messages.length).length);
    for (const [i, hit] of group.messages.entries()) {
      if (originalWithheld(hit)) {
        withheld++;
        continue;
      }
      const n = String(i + 1).padStart(width, '0');
      const file = input.subjectsInNames ? `${n}-${safeName(hit.subject ?? '', 60, 'message')}.eml` : `${n}.eml`;
      const name = `mail/${safeName(group.id, 40, 'source')}/${file}`;
      wanted.push({ hitId: hit.id, source: group.id, name, read: () => mbox.read(cfg.path, hit.location) });
    }
  }
  // Each read is a few small file operations whose latency, one message after the other, was
  // most of this step; up to READ_AHEAD reads are in flight, and messages are still staged in order.
  const reads: Array<Promise<Buffer>> = [];
  const start = (k: number) => {
    if (k < wanted.length) {
      reads[k] = wanted[k].read();
      reads[k].catch(() => undefined); // awaited below in order; a failure after a cancel is moot
    }
  };
  for (let k = 0; k < READ_AHEAD; k++) start(k);
  try {
    for (const [k, m] of wanted.entries()) {
      input.signal?.throwIfAborted();
      const fingerprint = input.fingerprints?.get(m.hitId);
      let content: Buffer;
      try {
        content = await reads[k];
      } catch (err) {
        // An original that was fingerprinted and can no longer be read has changed too.
        if (fingerprint === undefined || input.signal?.aborted) throw err;
        throw changed(m.source);
      }
      delete reads[k];
      start(k + READ_AHEAD);
      const sha256 = await input.stage(m.name, content);
      if (fingerprint !== undefined && sha256 !== fingerprint) throw changed(m.source);
      emlPaths.set(m.hitId, m.name);
    }
  } finally {
    await Promise.allSettled(reads);
    await mbox.close();
  }
  return { emlPaths, withheld };
}


const READ_AHEAD = 16;

/**
 * The bytes staged are checked, not a read made before: a mailbox changed between such a
 * check and the staging would otherwise put a message that was never reviewed, possibly
 * someone else's, into the package.
 */
function changed(source: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `Not exported: the mailbox ${source} changed since the search in this case, so the original messages are no longer the ones that were reviewed. Nothing was written. Search again with the case and review the changed hits.`,
  );
}
