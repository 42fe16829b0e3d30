import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { buildMessage } from './mail-message';
import { loadNameLists, person } from './people';
import { Rng } from './rng';

/** Every this many messages the subject is planted (at least 20 plantings). */
export function mailPlantEvery(messages: number): number {
  return Math.max(1, Math.floor(messages / 40));
}

/**
 * Writes the same messages twice: as one mbox (what Innsyn searches) and as a Maildir (what
 * `mu index` reads), so both sides of the comparison see identical messages.
 */
export async function generateMail(mboxFile: string, maildir: string, messages: number, seed = 2): Promise<void> {
  const rng = new Rng(seed);
  const lists = loadNameLists();
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(path.join(maildir, sub), { recursive: true });
  const out = createWriteStream(mboxFile);
  const every = mailPlantEvery(messages);
  for (let i = 0; i < messages; i++) {
    const plant = i % every === Math.floor(every / 3) ? Math.floor(i / every) : undefined;
    const msg = buildMessage(rng, lists, { from: person(rng, lists, i), to: person(rng, lists, i + 1), index: i, plant });
    // mboxrd: a body line that starts with "From " would end the message; quote it.
    const quoted = msg.replace(/^(>*From )/gm, '>$1');
    const envelope = `From bench-${i}@innsyn.example ${new Date(Date.UTC(2020, 0, 1) + i * 600_000).toUTCString()}\n`;
    if (!out.write(`${envelope}${quoted}\n`)) await once(out, 'drain');
    writeFileSync(path.join(maildir, 'cur', `${1577836800 + i}.${i}.bench:2,S`), msg);
  }
  out.end();
  await once(out, 'close');
}
