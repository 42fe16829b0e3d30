import { z } from 'zod';
import { SubjectSchema } from './subject';
import { ConfidenceSchema } from './hit';
import { WorkspaceSchema } from './workspace';
import { SearchProgressSchema, SearchResultSchema } from './search';

/**
 * Every method the renderer may call, and every event it may hear. Channel names are
 * `area:action`. The preload API, the main-side handlers and the test bridge are all derived
 * from this object, so adding a method is one edit here plus its handler (which the type
 * checker then demands).
 */
function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const Empty = z.object({}).strict();
export const LanguageSchema = z.enum(['nb', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const contract = {
  'app:info': method(
    Empty,
    z.object({ name: z.string(), version: z.string(), dataDir: z.string() }),
  ),
  'workspace:get': method(
    Empty,
    z.object({ workspace: WorkspaceSchema.nullable(), path: z.string().nullable() }),
  ),
  /** Main shows an open dialog; the renderer never supplies a path. */
  'workspace:import': method(
    Empty,
    z.object({ workspace: WorkspaceSchema.nullable(), path: z.string().nullable() }),
  ),
  'search:run': method(
    z
      .object({
        subject: SubjectSchema,
        sources: z.array(z.string()).optional(),
      })
      .strict(),
    z.object({ runId: z.string(), result: SearchResultSchema }),
  ),
  'search:cancel': method(z.object({ runId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),
  /** Main shows a save dialog, writes the package atomically and verifies it. */
  'export:run': method(
    z
      .object({
        runId: z.string(),
        lang: LanguageSchema,
        minConfidence: ConfidenceSchema,
      })
      .strict(),
    z.object({
      path: z.string().nullable(),
      files: z.number().int().nonnegative(),
      verified: z.boolean(),
    }),
  ),
} as const;

export const events = {
  'search:progress': SearchProgressSchema,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methods = Object.keys(contract) as Method[];
export const eventNames = Object.keys(events) as EventName[];

/** The object the preload exposes as `window.innsyn`: one function per method, nothing generic. */
export type InnsynApi = {
  [M in Method]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
