import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { numeric: true });

/**
 * Every file below `dir` that may hold mail, in a stable order (Enron's 1, 2, ..., 10 sort
 * numerically). A Maildir (a folder with cur/ or new/; Maildir++ sub-folders may lack one) contributes the files in cur/, new/
 * and tmp/ (tmp/ may hold a message still being delivered: read as far as it goes) and its
 * sub-folders, including Maildir++ ".Sent"-style ones; its own loose files are server
 * indexes (dovecot-uidlist, maildirfolder) and are skipped. Elsewhere every non-hidden
 * file is a candidate.
 */
export async function* listMailFiles(dir: string, problem: (message: string) => void = () => {}, root = dir): AsyncIterable<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  const names = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const isMaildir = names.has('cur') || names.has('new');
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') && !(await isMaildirFolder(full))) continue;
      yield* listMailFiles(full, problem, root);
    } else if (e.name.startsWith('.') || isMaildir) {
      continue;
    } else if (e.isFile()) {
      yield full;
    } else {
      const kind = await nonRegularKind(full);
      if (kind === 'file') yield full;
      else problem(`${path.relative(root, full).split(path.sep).join('/')} ${kind}; it was not searched`);
    }
  }
}

async function isMaildirFolder(dir: string): Promise<boolean> {
  try {
    const names = new Set(await readdir(dir));
    return names.has('cur') || names.has('new');
  } catch {
    return false;
  }
}

/**
 * What a directory entry that is not a plain file is. Links to files are followed; links to
 * folders are not (a link back up the tree would loop forever); pipes and devices are never
 * opened (opening a FIFO blocks until something writes to it).
 */
async function nonRegularKind(full: string): Promise<'file' | string> {
  try {
    const info = await stat(full);
    if (info.isFile()) return 'file';
    return info.isDirectory() ? 'is a link to a folder, which is not followed' : 'is not a regular file (a pipe, socket or device)';
  } catch (err) {
    return `could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}: a broken or looping link?)`;
  }
}
