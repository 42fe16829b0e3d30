import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { windowBitsFor } from '../../electron/core/package/deflate-window';

describe('package: the deflate window sized to an entry', () => {
  it('gives byte for byte what the full 32 kB window gives, at every size up to and past it', () => {
    // E-mail-like text (repeats a few lines back) and text whose matches reach far back.
    const lines = 'From: Kari Nordmann <kari@example.no>\r\nSubject: Ordre 12345\r\n\r\nHei, gjelder ordren min.\r\n';
    for (let length = 0; length <= 70_000; length += 1_499) {
      for (const content of [
        Buffer.from(lines.repeat(Math.ceil(length / lines.length) + 1).slice(0, length)),
        Buffer.from(Array.from({ length }, (_, i) => (i * 7 + (i >> 9)) & 0x3f)),
      ]) {
        const sized = deflateRawSync(content, { level: 6, windowBits: windowBitsFor(content.length) });
        expect(sized.equals(deflateRawSync(content, { level: 6 })), `${content.length} bytes`).toBe(true);
        expect(inflateRawSync(sized).equals(content)).toBe(true);
      }
    }
  });

  it('stays within what zlib accepts', () => {
    expect(windowBitsFor(0)).toBe(9);
    expect(windowBitsFor(5_000)).toBe(13);
    expect(windowBitsFor(10_000_000)).toBe(15);
  });
});
