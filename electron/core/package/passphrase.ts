import { randomInt } from 'node:crypto';

/**
 * A passphrase for an encrypted package, meant to be read out over the phone or sent by SMS:
 * six groups of four characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S,
 * 2/Z), about 114 bits from the operating system's CSPRNG.
 */
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

export function generatePassphrase(groups = 6, size = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < size; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}
