import { z } from 'zod';

/**
 * The Art. 30-style record for one source. The cover letter is built from these, so the DPO
 * never retypes Art. 15(1)(a)-(h) per case. Every field is optional: a missing one is shown
 * as a visible placeholder in the letter, never silently left out.
 */
export const ProcessingSchema = z
  .object({
    purposes: z.array(z.string()).optional(),
    legalBasis: z.string().optional(),
    categories: z.array(z.string()).optional(),
    recipients: z.array(z.string()).optional(),
    retention: z.string().optional(),
    origin: z.string().optional(),
    transfers: z.string().optional(),
    automatedDecisions: z.string().optional(),
  })
  .strict();
export type Processing = z.infer<typeof ProcessingSchema>;

/** `table.column`, as in `{"from": "rental.customer_id", "to": "customer.customer_id"}`. */
const ColumnRef = z
  .string()
  .regex(/^[^.]+\.[^.]+$/, 'must look like "table.column"');

export const LinkSchema = z.object({ from: ColumnRef, to: ColumnRef }).strict();
export type Link = z.infer<typeof LinkSchema>;

const base = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, "-" or "_"'),
  label: z.string().optional(),
  processing: ProcessingSchema.optional(),
  links: z.array(LinkSchema).optional(),
};

/** Tables or columns the DPO has ruled out of scope for a tabular source: never read, searched or shown. */
export const ExcludeSchema = z
  .object({ tables: z.array(z.string()).optional(), columns: z.array(ColumnRef).optional() })
  .strict();
export type Exclude = z.infer<typeof ExcludeSchema>;
const tabular = { exclude: ExcludeSchema.optional() };

const FileSourceSchema = <K extends 'csv' | 'sqlite' | 'mailbox', E extends z.ZodRawShape>(kind: K, extra: E) =>
  z.object({ ...base, kind: z.literal(kind), path: z.string().min(1), ...extra }).strict();

const ServerSourceSchema = <K extends 'postgres' | 'mysql'>(kind: K) =>
  z
    .object({
      ...base,
      kind: z.literal(kind),
      /** A URL without the password, e.g. postgres://dpo@db.internal:5432/shop. */
      connection: z
        .string()
        .min(1)
        .refine((url) => !/^[a-z]+:\/\/[^/@:]*:[^/@]*@/i.test(url), {
          message:
            'must not contain a password; put the password in an environment variable and name it in "passwordEnv"',
        }),
      /** Name of the environment variable that holds the password (CLI). */
      passwordEnv: z.string().optional(),
      ...tabular,
    })
    .strict();

export const SourceConfigSchema = z.discriminatedUnion('kind', [
  // `header`: whether the files start with a header row; detected when left out.
  FileSourceSchema('csv', { ...tabular, header: z.boolean().optional() }),
  FileSourceSchema('sqlite', tabular),
  FileSourceSchema('mailbox', {}),
  ServerSourceSchema('postgres'),
  ServerSourceSchema('mysql'),
]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;
export type SourceKind = SourceConfig['kind'];
export const sourceKinds: readonly SourceKind[] = ['csv', 'sqlite', 'mailbox', 'postgres', 'mysql'];

export const ControllerSchema = z
  .object({
    name: z.string().min(1),
    orgNumber: z.string().optional(),
    address: z.string().optional(),
    email: z.string().optional(),
    dpo: z.object({ name: z.string().optional(), email: z.string().optional() }).strict().optional(),
  })
  .strict();
export type Controller = z.infer<typeof ControllerSchema>;

export const WorkspaceSchema = z
  .object({
    controller: ControllerSchema,
    sources: z.array(SourceConfigSchema),
  })
  .strict()
  .superRefine((ws, ctx) => {
    const seen = new Set<string>();
    ws.sources.forEach((s, i) => {
      if (seen.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `is used by more than one source` });
      }
      seen.add(s.id);
    });
  });
export type Workspace = z.infer<typeof WorkspaceSchema>;

/**
 * Turns zod issues into sentences a DPO can act on: "source "crm", field "path": is required".
 * Sources are named by their id (when it can be read) rather than by array index.
 */
export function describeWorkspaceIssues(raw: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  const rawSources =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { sources?: unknown }).sources)
      ? ((raw as { sources: unknown[] }).sources)
      : [];
  return issues.map((issue) => {
    const path = [...issue.path];
    let where = 'workspace';
    if (path[0] === 'sources' && typeof path[1] === 'number') {
      const entry = rawSources[path[1]] as { id?: unknown } | undefined;
      const name = typeof entry?.id === 'string' ? `"${entry.id}"` : `#${path[1] + 1}`;
      where = `source ${name}`;
      path.splice(0, 2);
    }
    const field = path.length > 0 ? `, field "${path.join('.')}"` : '';
    return `${where}${field}: ${issue.message}`;
  });
}
