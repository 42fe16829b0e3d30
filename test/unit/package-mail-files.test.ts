import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../electron/core/package/grouping';
import { stageMailFiles } from '../../electron/core/package/mail-files';
import type { MailLocation } from '../../shared/hit';
import { tempDir } from '../helpers/temp';

/** Message 0 has no quoted From line, so the staged bytes are the range itself (copied). */
function message(n: number, body: string): Buffer {
  const quoted = n === 0 ? '' : '\n>From the quoted line';
  return Buffer.from(`From sender${n}@example.no Mon Jan  1 00:00:00 2024\nSubject: m${n}\n\n${body}${quoted}\n\n`);
}

describe('stageMailFiles reading mbox ranges through a window', () => {
  it('stages every message with its own bytes, in any order, large ones and ones past the end included', async () => {
    const dir = tempDir();
    const bodies = ['short', 'x'.repeat(5 << 20), 'ø'.repeat(1000), 'after the large one', 'last'];
    const raws = bodies.map((b, i) => message(i, b));
    const file = path.join(dir, 'box.mbox');
    writeFileSync(file, Buffer.concat(raws));
    const ranges: Array<[number, number]> = [];
    let at = 0;
    for (const r of raws) {
      ranges.push([at, at + r.length]);
      at += r.length;
    }
    // The last message's range runs past the end of the file: what is there is staged.
    ranges[4] = [ranges[4][0], ranges[4][1] + 100];
    const order = [3, 0, 4, 1, 2];
    const messages = order.map(
      (i, position): PlannedMessage => ({
        id: `m:${i}`,
        position,
        source: 'box',
        location: { file: 'box.mbox', index: i, bytes: ranges[i] } as MailLocation,
        confidence: 'high',
        columns: ['subject'],
        subject: `m${i}`,
      }),
    );
    const staged = new Map<string, Buffer>();
    const { emlPaths } = await stageMailFiles({
      groups: [{ id: 'box', tables: [], messages }],
      sources: [{ id: 'box', kind: 'mailbox', path: file }],
      subjectsInNames: true,
      stage: async (name, content) => void staged.set(name, content),
    });
    for (const i of order) {
      const name = emlPaths.get(`m:${i}`)!;
      const unquoted = Buffer.from(raws[i].toString('latin1').replace('\n>From the quoted', '\nFrom the quoted'), 'latin1');
      expect(staged.get(name)!.equals(unquoted)).toBe(true);
      // A copy of its own, not a view that would keep a whole window alive.
      expect(staged.get(name)!.buffer.byteLength).toBeLessThan(Math.max(unquoted.length * 2, 16 << 10));
    }
  });
});
