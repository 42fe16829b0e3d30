import { AppError } from '../../shared/errors';

/** The CLI's promise to scripts: 0 ok, 1 failure, 2 usage error, 3 incomplete (a source failed or was only partly searched). */
export const EXIT = { ok: 0, failure: 1, usage: 2, incomplete: 3 } as const;

export function exitCodeFor(err: unknown): number {
  if (err instanceof AppError) {
    if (err.code === 'INVALID_INPUT' || err.code === 'NOT_FOUND') return EXIT.usage;
    if (err.code === 'INCOMPLETE') return EXIT.incomplete;
  }
  return EXIT.failure;
}
