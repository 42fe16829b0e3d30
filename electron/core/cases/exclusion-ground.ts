import type { ExclusionGround } from '../../../shared/case';
import { AppError } from '../../../shared/errors';

const patterns: Array<[RegExp, ExclusionGround]> = [
  [/namesake|navnebror|navnesøster|not (the )?(same )?(person|subject)|wrong (person|match)|ikke (samme|den registrerte)/i, 'not-subject'],
  [/third[- ]?party|other (person|people)|andres|tredjepart|15\s*\(4\)/i, 'third-party'],
  [/exempt|exemption|privilege|legal|unntak|taushetsplikt/i, 'exempt'],
];

/**
 * The ground for leaving a hit out. Given explicitly by the UI; on the command line it may
 * be read from the usual reasons ("namesake", "third-party data", "legal exemption"), and
 * anything else must be said, because the ground decides what the cover letter tells the
 * person (Art. 15(4)).
 */
export function exclusionGround(reason: string, given?: ExclusionGround | null): ExclusionGround {
  if (given) return given;
  const found = patterns.find(([re]) => re.test(reason));
  if (found) return found[1];
  throw new AppError(
    'INVALID_INPUT',
    `Say why the hit is left out with --ground: "not-subject" (e.g. a namesake), "third-party" (other people's data, Art. 15(4)) or "exempt" (another legal exemption). The reason "${reason}" does not say which.`,
  );
}
