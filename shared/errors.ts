import { z } from 'zod';

/**
 * Errors that cross the renderer/main boundary. `message` is written for the DPO: what
 * happened, what was not affected, what to do. It never holds a stack trace, a password or
 * another person's data.
 */
export const ErrorCodeSchema = z.enum([
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CANCELLED',
  'SOURCE_FAILED',
  'INCOMPLETE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** The envelope every contract call returns, so typed errors survive the process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
