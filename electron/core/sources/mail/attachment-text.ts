import { extractText, getResolvedPDFJS } from 'unpdf';
import { htmlToText } from './html-text';
import { mailLimits } from './mail-limits';
import { declaredUnpackedSize } from './zip-size';

export type AttachmentTextKind = 'text' | 'html' | 'pdf' | 'docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT_TYPES = new Set(['application/csv', 'application/json', 'application/xml', 'text/csv', 'text/tab-separated-values']);
const TEXT_EXTENSIONS = /\.(txt|csv|tsv|log|md|json|xml|ics|vcf)$/i;

/** Which extractor fits an attachment, by MIME type and then by file name; null = binary, listed only. */
export function attachmentTextKind(mimeType: string, name: string | null): AttachmentTextKind | null {
  const type = mimeType.toLowerCase();
  const file = name ?? '';
  if (type === 'application/pdf' || /\.pdf$/i.test(file)) return 'pdf';
  if (type === DOCX || /\.docx$/i.test(file)) return 'docx';
  if (type === 'text/html' || /\.html?$/i.test(file)) return 'html';
  if (type.startsWith('text/') || TEXT_TYPES.has(type) || TEXT_EXTENSIONS.test(file)) return 'text';
  return null;
}

/**
 * Text for an attachment without a declared charset: UTF-8 when the bytes are valid UTF-8,
 * otherwise Windows-1252, which is what Norwegian Excel and older systems write.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

let nodeDefaults: Record<string, unknown> | undefined;

/**
 * The options unpdf's getDocumentProxy adds on Node (pdfjs-dist's fonts and CMaps, when that
 * package is installed), found once: getDocumentProxy resolves the package on every call,
 * which cost about 2 ms per PDF attachment (more under a module loader) when searching a
 * mailbox. The document is opened with the same options as through getDocumentProxy.
 */
function pdfNodeDefaults(): Record<string, unknown> {
  if (nodeDefaults === undefined) {
    try {
      const base = import.meta.resolve('pdfjs-dist/package.json');
      nodeDefaults = {
        disableFontFace: true,
        standardFontDataUrl: new URL('./standard_fonts/', base).href,
        cMapUrl: new URL('./cmaps/', base).href,
        cMapPacked: true,
      };
    } catch {
      nodeDefaults = {};
    }
  }
  return nodeDefaults;
}

/**
 * Extracts searchable text from one attachment. Throws when the file is damaged; the caller
 * lists the attachment anyway and reports the problem.
 */
export async function extractAttachmentText(kind: AttachmentTextKind, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > mailLimits.maxAttachmentTextBytes) {
    throw new Error(`larger than ${Math.round(mailLimits.maxAttachmentTextBytes / 1024 / 1024)} MiB, text not extracted`);
  }
  switch (kind) {
    case 'text':
      return decodeTextBytes(bytes);
    case 'html':
      return htmlToText(decodeTextBytes(bytes));
    case 'pdf': {
      // Every page and its text are indirect objects ("12 0 obj"), and pdf.js finds them by
      // that keyword, also when it rebuilds a damaged file's cross-reference table. Bytes
      // without it hold no readable page, so pdf.js is not asked: on such a file (random data
      // named .pdf) it scanned every byte before giving up, about 13 ms per 40 KB attachment,
      // and loading pdf.js at all costs a mail worker 0.2 s. A file that lost its %PDF header
      // still has its objects and is still read.
      if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('obj') < 0) {
        throw new Error('it holds no PDF objects: not a PDF, or damaged');
      }
      // pdf.js takes ownership of (detaches) the buffer it is given, so give it a copy.
      // Verbosity 0: pdf.js would otherwise print warnings about the document to the console.
      const { getDocument } = await getResolvedPDFJS();
      const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: true, ...pdfNodeDefaults(), verbosity: 0 }).promise;
      try {
        const { text } = await extractText(pdf, { mergePages: true });
        return text;
      } finally {
        await pdf.destroy();
      }
    }
    case 'docx': {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const unpacked = await declaredUnpackedSize(buffer);
      if (unpacked > 8 * mailLimits.maxAttachmentTextBytes) throw new Error(`unpacks to ${Math.round(unpacked / 1024 / 1024)} MiB, text not extracted`);
      // Loaded on first use: mammoth and its dependencies take about 0.3 s to load, which every
      // mail worker paid at start although few mailboxes hold Word files.
      const { default: mammoth } = await import('mammoth');
      const result = await mammoth.extractRawText({ buffer });
      return result.value;
    }
  }
}
