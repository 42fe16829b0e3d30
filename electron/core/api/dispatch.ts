import type { z } from 'zod';
import { contract, type Contract, type Method, type MethodOutput } from '../../../shared/contract';
import { AppError, type Envelope } from '../../../shared/errors';

/** One implementation per contract method; the type checker rejects a missing one. */
export type Handlers = {
  [M in Method]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>>;
};

export type Dispatch = (method: string, raw: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry point for calls from the renderer, used by Electron's IPC wiring and by
 * the test bridge alike. It rejects unknown methods, validates every input against the
 * contract, and turns every failure into an error envelope without a stack trace.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, raw) => {
    if (!Object.hasOwn(contract, method)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Unknown method "${method}".` } };
    }
    const m = method as Method;
    const parsed = contract[m].input.safeParse(raw ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid input to ${m}.`,
          // Paths and rule messages only: the rejected values may be personal data.
          details: parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`),
        },
      };
    }
    try {
      const handler = handlers[m] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      log(`handler ${m} failed: ${(err as Error)?.name ?? 'Error'}`);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong inside Innsyn. Nothing was exported; try again, and contact support if it repeats.' },
      };
    }
  };
}
