import { z } from 'zod';
import { SubjectSchema } from './subject';
import { ConfidenceSchema } from './hit';
import { ControllerSchema, LinkSchema, ProcessingSchema, WorkspaceSchema } from './workspace';
import { SearchProgressSchema, SearchResultSchema } from './search';
import { SourcePreviewSchema } from './source-preview';
import { CoverLetterInputSchema, CoverLetterSchema } from './cover-letter';
import { ExportProgressSchema } from './export-progress';
import { PackageFormatsSchema } from './package-formats';
import {
  CalendarDateSchema,
  CaseAuditSchema,
  CaseDetailSchema,
  CaseExportResultSchema,
  CaseInputs,
  CaseReviewUpdateSchema,
  CaseSchema,
  CaseSummarySchema,
  NewCaseSchema,
  SettingsSchema,
} from './case';

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
        /** Encrypt the ZIP with AES-256 under a passphrase main generates (returned once, below). */
        encrypt: z.boolean().optional(),
        /** Export although a source failed; the manifest records the failure. */
        allowIncomplete: z.boolean().optional(),
        /** What goes in besides letter, readme and manifest (json, xlsx, eml; json or xlsx required); all when omitted. */
        formats: PackageFormatsSchema.optional(),
      })
      .strict(),
    z.object({
      path: z.string().nullable(),
      files: z.number().int().nonnegative(),
      verified: z.boolean(),
      /** False when a source failed and the export went ahead with allowIncomplete. */
      complete: z.boolean().optional(),
      /** The generated passphrase, to show the DPO once and send to the person separately. Never stored. */
      passphrase: z.string().nullable().optional(),
    }),
  ),

  // ---- UI-only methods (issue #8); handlers in electron/core/api/handlers/ui-*.ts ----
  /** Main shows a save dialog and writes the current workspace there. */
  'workspace:export': method(Empty, z.object({ path: z.string().nullable() })),
  /**
   * Adds a source. For file kinds main shows an open dialog (a file or a folder) and the
   * renderer never supplies the path; server kinds take a connection URL without password.
   */
  'source:add': method(
    z
      .object({
        kind: z.enum(['csv', 'sqlite', 'mailbox', 'postgres', 'mysql']),
        id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
        label: z.string().optional(),
        pick: z.enum(['file', 'folder']).optional(),
        connection: z.string().optional(),
      })
      .strict(),
    z.object({ workspace: WorkspaceSchema.nullable(), added: z.boolean() }),
  ),
  /** Edits what the DPO may edit: the label, the processing record and accepted links. */
  'source:update': method(
    z
      .object({
        id: z.string().min(1),
        label: z.string().optional(),
        processing: ProcessingSchema.optional(),
        links: z.array(LinkSchema).optional(),
      })
      .strict(),
    z.object({ workspace: WorkspaceSchema }),
  ),
  'source:remove': method(z.object({ id: z.string().min(1) }).strict(), z.object({ workspace: WorkspaceSchema })),
  /** The password goes to the OS keychain (Electron safeStorage) in main, never to a plain file. */
  'source:setPassword': method(
    z.object({ id: z.string().min(1), password: z.string().min(1) }).strict(),
    z.object({ stored: z.boolean() }),
  ),
  /** The first rows, columns, keys, encoding and proposed links of a CSV or database source (issue #3). */
  'source:preview': method(
    z.object({ id: z.string().min(1), rows: z.number().int().min(0).max(100).optional() }).strict(),
    SourcePreviewSchema,
  ),
  /**
   * UI only: the body of a mail hit in an open case, for the review preview. The HTML is
   * shown in a sandboxed, script-less iframe; the renderer never turns it into its own markup.
   */
  'mail:preview': method(
    z.object({ ref: z.string().min(1), hitId: z.string().min(1) }).strict(),
    z.object({
      text: z.string().nullable(),
      html: z.string().nullable(),
      attachments: z.array(z.object({ name: z.string().nullable(), type: z.string(), size: z.number().int().nonnegative() })),
    }),
  ),
  /** UI only: "show in folder" for a package this app instance exported; any other path is refused. */
  'export:reveal': method(z.object({ path: z.string().min(1) }).strict(), z.object({ shown: z.boolean() })),
  'preferences:get': method(Empty, z.object({ controller: ControllerSchema.nullable(), defaultLanguage: LanguageSchema })),
  'preferences:set': method(
    z.object({ controller: ControllerSchema.optional(), defaultLanguage: LanguageSchema.optional() }).strict(),
    z.object({ controller: ControllerSchema.nullable(), defaultLanguage: LanguageSchema }),
  ),

  // ---- Case register (issue #7); handlers in electron/core/api/handlers/case.ts ----
  /** Cases soonest deadline first; "due-soon" and "overdue" hold open cases only. */
  'case:list': method(CaseInputs.list, z.object({ today: CalendarDateSchema, cases: z.array(CaseSummarySchema) })),
  'case:get': method(CaseInputs.ref, CaseDetailSchema),
  /** Registers a request; the deadline is computed (one month, moved to a working day). */
  'case:create': method(NewCaseSchema, CaseSchema),
  /** Art. 12(6): more information asked for; status "verifying-identity". */
  'case:requestIdentity': method(CaseInputs.requestIdentity, CaseSchema),
  'case:verify': method(CaseInputs.verify, CaseSchema),
  /** Art. 12(3): three months from receipt; `warning` when not notified within the first month. */
  'case:extend': method(CaseInputs.extend, CaseSchema),
  'case:reject': method(CaseInputs.reject, CaseSchema),
  'case:close': method(CaseInputs.ref, CaseSchema),
  'case:note': method(CaseInputs.note, CaseSchema),
  /** Searches for the case's person and stores the hits with the case; progress as search:progress. */
  'case:search': method(CaseInputs.search, z.object({ runId: z.string(), detail: CaseDetailSchema })),
  'case:review': method(CaseInputs.review, CaseReviewUpdateSchema),
  /** Adds a confirmed identifier (validated, audited) to the case's person; search again to use it. */
  'case:addIdentifier': method(CaseInputs.addIdentifier, CaseReviewUpdateSchema),
  'case:dismissSuggestion': method(CaseInputs.dismissSuggestion, CaseReviewUpdateSchema),
  /** "Include all high" and bulk selections: every decision audited, all in one transaction. */
  'case:reviewMany': method(CaseInputs.reviewMany, CaseReviewUpdateSchema),
  'case:redact': method(CaseInputs.redact, CaseReviewUpdateSchema),
  'case:unredact': method(CaseInputs.unredact, CaseReviewUpdateSchema),
  /** Main shows a save dialog and exports the stored, reviewed hits (not a fresh search). */
  'case:export': method(CaseInputs.export, CaseExportResultSchema),
  /** The cover letter case:export would write now (same selection), for the Export screen's preview. */
  'case:coverLetter': method(CoverLetterInputSchema, CoverLetterSchema),
  /** The audit trail and the result of recomputing its hash chain. */
  'case:audit': method(CaseInputs.ref, CaseAuditSchema),
  /** Main shows a save dialog and writes the internal accountability report (XLSX). */
  'case:report': method(CaseInputs.ref, z.object({ path: z.string().nullable(), chainOk: z.boolean() })),
  'settings:get': method(Empty, SettingsSchema),
  'settings:set': method(SettingsSchema.partial().strict(), SettingsSchema),
} as const;

export const events = {
  'search:progress': SearchProgressSchema,
  /** A package being written, step by step (see shared/export-progress.ts). */
  'export:progress': ExportProgressSchema,
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
