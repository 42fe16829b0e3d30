import yauzl from 'yauzl';

/**
 * The total unpacked size a ZIP (a .docx is one) declares in its central directory. Read
 * before handing a .docx to mammoth, which unpacks in memory: a small attachment that
 * unpacks to gigabytes (a zip bomb) is refused instead of exhausting memory.
 */
export function declaredUnpackedSize(zip: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      let total = 0;
      file.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        file.readEntry();
      });
      file.on('end', () => resolve(total));
      file.on('error', reject);
      file.readEntry();
    });
  });
}
