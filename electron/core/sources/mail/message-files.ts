import { readdir } from 'node:fs/promises';
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
export async function* listMailFiles(dir: string): AsyncIterable<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  const names = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const isMaildir = names.has('cur') || names.has('new');
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') && !(await isMaildirFolder(full))) continue;
      yield* listMailFiles(full);
    } else if (e.isFile() && !e.name.startsWith('.') && !isMaildir) {
      yield full;
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
