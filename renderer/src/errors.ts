/** The sentence to show for a failed call; AppError messages are already written for the DPO. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
