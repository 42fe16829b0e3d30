/**
 * zlib hands back its output as a view of its whole output buffer, which we size for the input
 * (one thread-pool round trip per job) and which is therefore several times larger than the
 * compressed bytes. Kept as they are, the views held that whole memory for as long as the
 * compressed data waited: e-mails until the ZIP was written, 16 kB or more for each of
 * thousands of 3 kB messages. V8 also counts every ArrayBuffer still alive as external memory and
 * starts a major garbage collection over the whole heap (hundreds of MB of search hits) each
 * time that grows by 64 MB; the views made that happen every second or so of a large export.
 * Copying the compressed bytes into a buffer of their own size lets the big one die at once.
 */
export function compactBuffer(view: Buffer): Buffer {
  // A view close to its buffer's size is kept: the copy would save little.
  if (view.buffer.byteLength - view.length < 4096 + (view.length >> 3)) return view;
  return Buffer.from(view);
}
