import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
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

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

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
      stage: async (name, content) => {
        staged.set(name, content);
        return sha256(content);
      },
    });
    for (const i of order) {
      const name = emlPaths.get(`m:${i}`)!;
      const unquoted = Buffer.from(raws[i].toString('latin1').replace('\n>From the quoted', '\nFrom the quoted'), 'latin1');
      expect(staged.get(name)!.equals(unquoted)).toBe(true);
      // A copy of its own, not a view that would keep a whole window alive.
      expect(staged.get(name)!.buffer.byteLength).toBeLessThan(Math.max(unquoted.length * 2, 16 << 10));
    }
  });

  describe('checking each original against its fingerprint from the review', () => {
    /** A mailbox of three messages and the plan's view of them, with the fingerprints of their bytes. */
    function mailbox() {
      const dir = tempDir();
      const raws = [0, 1, 2].map((i) => message(0, `body ${i}`));
      const file = path.join(dir, 'box.mbox');
      writeFileSync(file, Buffer.concat(raws));
      let at = 0;
      const messages = raws.map((r, i): PlannedMessage => {
        const bytes: [number, number] = [at, at + r.length];
        at += r.length;
        return { id: `m:${i}`, position: i, source: 'box', location: { file: 'box.mbox', index: i, bytes }, confidence: 'high', columns: ['subject'], subject: `m${i}` };
      });
      const fingerprints = new Map(raws.map((r, i) => [`m:${i}`, sha256(r)]));
      const staged: string[] = [];
      const run = (prints: ReadonlyMap<string, string>) =>
        stageMailFiles({
          groups: [{ id: 'box', tables: [], messages }],
          sources: [{ id: 'box', kind: 'mailbox', path: file }],
          subjectsInNames: false,
          fingerprints: prints,
          stage: async (name, content) => {
            staged.push(name);
            return sha256(content);
          },
        });
      return { file, raws, fingerprints, staged, run };
    }

    it('stages the originals that are as they were reviewed', async () => {
      const box = mailbox();
      const { emlPaths } = await box.run(box.fingerprints);
      expect(emlPaths.size).toBe(3);
    });

    it('stops at an original whose bytes changed, naming the mailbox', async () => {
      const box = mailbox();
      // The same length, another text: the range still fits, only the bytes differ.
      writeFileSync(box.file, Buffer.concat([box.raws[0], Buffer.from(box.raws[1].toString('latin1').replace('body 1', 'body X'), 'latin1'), box.raws[2]]));
      await expect(box.run(box.fingerprints)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/the mailbox box changed since the search/) });
      // Message 2 was never staged after the change was found.
      expect(box.staged).toHaveLength(2);
    });

    it('reports a fingerprinted original that can no longer be read as changed, and an unchecked one with its own error', async () => {
      const box = mailbox();
      rmSync(box.file);
      await expect(box.run(box.fingerprints)).rejects.toMatchObject({ message: expect.stringMatching(/the mailbox box changed since the search/) });
      const unchecked = await box.run(new Map()).then(
        () => null,
        (err: unknown) => err,
      );
      expect(unchecked).toBeInstanceOf(Error);
      expect((unchecked as Error).message).not.toMatch(/changed since the search/);
    });
  });
});
