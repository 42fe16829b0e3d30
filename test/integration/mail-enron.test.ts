// The Enron corpus subset (public record released by FERC; see ../shared/corpora/enron-maildir/SOURCE.txt),
// read in place through the real `innsyn` CLI.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hit } from '../../shared/hit';
import { searchJson } from '../helpers/cli';
import { corpus, missingCorpus } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const missing = missingCorpus('enron-maildir', 'maildir', 'lay-k');
const inbox = corpus('enron-maildir', 'maildir', 'lay-k', 'inbox');
const address = 'kenneth.lay@enron.com';

/** Independent oracle: the files whose own From/To/Cc header (unfolded) holds the address. */
function filesWithAddressInHeaders(): Set<string> {
  const out = new Set<string>();
  for (const name of readdirSync(inbox)) {
    if (name.startsWith('.')) continue;
    const raw = readFileSync(path.join(inbox, name), 'latin1');
    const head = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
    if (/^(from|to|cc):.*kenneth\.lay@enron\.com/im.test(head)) out.add(`inbox/${name}`);
  }
  return out;
}

const fileOf = (h: Hit) => ('file' in h.location ? h.location.file : '');

describe.skipIf(missing)(`mail: searching the Enron inbox of Kenneth Lay ${missing ?? ''}`, () => {
  let hits: Hit[] = [];
  let result: { sources: Array<{ status: string; scanned: number; problems?: string[] }>; suggestions?: Array<{ value: string; kind: string }> };
  beforeAll(async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'lay-k', kind: 'mailbox', path: corpus('enron-maildir', 'maildir', 'lay-k') }]);
    const run = await searchJson(['--workspace', ws, '--name', 'Kenneth Lay', '--name', 'Ken Lay', '--email', address], path.join(dir, 'data'));
    result = run.json;
    hits = run.json.hits as Hit[];
  }, 180_000);

  it('reads every message of the inbox', () => {
    expect(result.sources[0].status).toBe('ok');
    expect(result.sources[0].scanned).toBe(readdirSync(inbox).filter((n) => !n.startsWith('.')).length);
  });

  it('finds every message with the address in From/To/Cc at high confidence, citing that header', () => {
    const expected = filesWithAddressInHeaders();
    expect(expected.size).toBeGreaterThan(100);
    for (const file of expected) {
      const hit = hits.find((h) => fileOf(h) === file);
      expect(hit, file).toBeDefined();
      expect(hit!.confidence, file).toBe('high');
      expect(hit!.matches.some((m) => m.kind === 'email' && ['from', 'to', 'cc'].includes(m.field)), file).toBe(true);
    }
  });

  it('finds messages that only mention him by name, at lower confidence', () => {
    const nameOnly = hits.filter((h) => h.matches.length > 0 && h.matches.every((m) => m.kind === 'name'));
    expect(nameOnly.length).toBeGreaterThan(10);
    for (const h of nameOnly) expect(h.confidence, fileOf(h)).not.toBe('high');
    // Where it matched is said: a header (X-From/X-To), the body, or an attachment.
    expect(nameOnly.some((h) => h.matches.some((m) => m.field === 'body'))).toBe(true);
  });

  it('never raises a message to high on a shared surname (Mark Lay, Linda Lay) without his address', () => {
    const sharers = hits.filter((h) => /mark\.lay@|linda lay/i.test(`${h.record.from} ${h.record.to} ${h.record.cc}`));
    expect(sharers.length).toBeGreaterThan(0);
    for (const h of hits) {
      if (h.confidence === 'high') expect(h.matches.some((m) => m.kind === 'email'), fileOf(h)).toBe(true);
    }
  });

  it('suggests addresses shown with his name, never his known address, and does not search them', () => {
    const values = (result.suggestions ?? []).map((s) => s.value);
    expect(values).toContain('chairman.ken@enron.com');
    expect(values).not.toContain(address);
    const viaAlias = hits.filter((h) => /chairman\.ken@enron\.com/.test(String(h.record.from)) && h.confidence === 'high');
    expect(viaAlias).toEqual([]);
  });
});
