import { decompressRTF } from '@kenjiuno/decompressrtf';
import iconv from 'iconv-lite';
import { deEncapsulateSync } from 'rtf-stream-parser';

/**
 * The body of an Outlook item that has only an RTF body (common for meetings, and for mail
 * from older Exchange servers). Outlook's RTF mostly wraps the original text or HTML
 * (MS-OXRTFEX); rtf-stream-parser unwraps it, with iconv-lite for the ANSI code pages RTF
 * names. Hand-written RTF that wraps nothing is not converted: null.
 */
export function bodyFromRtf(rtf: string | Buffer): { text?: string; html?: string } | null {
  try {
    const result = deEncapsulateSync(rtf, { decode: (buf: Buffer, enc: string) => iconv.decode(buf, enc), mode: 'either' });
    const content = String(result.text);
    return result.mode === 'html' ? { html: content } : { text: content };
  } catch {
    return null;
  }
}

/** PidTagRtfCompressed (as .msg files store it) to RTF bytes. */
export function decompressedRtf(compressed: Uint8Array): Buffer {
  return Buffer.from(decompressRTF(Array.from(compressed)));
}
