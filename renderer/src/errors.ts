import { AppError } from '../../shared/errors';

/** The sentence to show for a failed call; AppError messages are already written for the DPO. */
export function messageOf(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
