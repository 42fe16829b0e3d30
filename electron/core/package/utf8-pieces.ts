/**
 * Collects generated text (data.json records, sheet rows) as UTF-8 bytes in pieces of a fixed
 * size, encoding each bit of text into the current piece as it is added. XmlBytes (the sheets)
 * writes into the same pieces with its own escaping.
 *
 * Why not a string that grows and is encoded once full: a 256 KB string is flattened into one
 * object in V8's large-object space, which is old generation, so every piece made the old
 * generation grow and a big export ran major garbage collections over the whole heap (the
 * search hits, hundreds of MB) every few pieces. Encoding as we go keeps every string small and
 * short-lived.
 */
export class Utf8Pieces {
  private piece: Buffer | null = null;
  /** Bytes written into the current piece. */
  protected used = 0;
  private readonly done: Buffer[] = [];

  constructor(private readonly size: number) {}

  /** Whether a piece is full, so the caller should take() and hand it on. */
  get full(): boolean {
    return this.done.length > 0;
  }

  /** Adds text; returns true once a piece is full and the caller should take() and hand it on. */
  add(text: string): boolean {
    // A UTF-16 code unit never takes more than three UTF-8 bytes, so text that fits by this
    // bound is never cut in the middle of a character.
    if (text.length * 3 > this.size - this.used) {
      if (Buffer.byteLength(text, 'utf8') > this.size - this.used) {
        this.finishPiece();
        // Text longer than a piece (a huge record) becomes a piece of its own.
        if (text.length * 3 > this.size) {
          this.done.push(Buffer.from(text, 'utf8'));
          return true;
        }
      }
    }
    this.piece ??= Buffer.allocUnsafe(this.size);
    this.used += this.piece.write(text, this.used, 'utf8');
    return this.full;
  }

  /** Everything added so far, as bytes the caller now owns (pieces are never reused). */
  take(): Buffer[] {
    this.finishPiece();
    return this.done.splice(0);
  }

  /** The current piece if it has room for `n` more bytes at `used`, else a new one. */
  protected room(n: number): Buffer {
    if (this.piece !== null && this.used + n <= this.piece.length) return this.piece;
    this.finishPiece();
    this.piece = Buffer.allocUnsafe(Math.max(this.size, n));
    return this.piece;
  }

  private finishPiece(): void {
    if (this.piece === null) return;
    if (this.used > 0) this.done.push(this.piece.subarray(0, this.used));
    this.piece = null;
    this.used = 0;
  }
}
