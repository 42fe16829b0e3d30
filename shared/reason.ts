import { z } from 'zod';

/**
 * Why a record matched, as data rather than a sentence. The core decides *what* the evidence
 * is; each reader (the app in nb or en, the package in the letter's language, the CLI in
 * English) turns it into words with describeReason (reason-text.ts). Values in a reason are
 * field names and the subject's own identifiers as given, never another person's data.
 */

/** How a strong identifier was equated with the one the subject gave. */
export const IdentifierHowSchema = z.enum(['caseInsensitive', 'plusTagFolded', 'separatorsIgnored', 'e164', 'digitByDigit', 'exact', 'exactToken']);
export type IdentifierHow = z.infer<typeof IdentifierHowSchema>;

/** What was needed to read a name as the subject's (all false: the exact spelling). */
export const NameHowSchema = z
  .object({
    caseDiffers: z.boolean(),
    nordic: z.boolean(),
    diacritics: z.boolean(),
    surnameFirst: z.boolean(),
    initial: z.boolean(),
    partialSurname: z.boolean(),
    extra: z.boolean(),
  })
  .partial();
export type NameHow = z.infer<typeof NameHowSchema>;

/** Identifier kinds a record can hold with a value different from the subject's. */
export const DifferingKindSchema = z.enum(['email', 'phone', 'nationalId']);
export type DifferingKind = z.infer<typeof DifferingKindSchema>;

export const ReasonSchema = z.discriminatedUnion('code', [
  /** A strong identifier: in a field that holds it, or mentioned in text. */
  z.object({
    code: z.literal('identifier'),
    field: z.string(),
    kind: z.enum(['email', 'phone', 'nationalId', 'other']),
    /** The subject's identifier as given (a national ID masked to its last two digits). */
    given: z.string(),
    how: IdentifierHowSchema,
    inText: z.boolean(),
  }),
  /** The subject's name; `field2` when a first and a last name column hold it together. */
  z.object({
    code: z.literal('name'),
    field: z.string(),
    field2: z.string().optional(),
    given: z.string(),
    /** field: a name column; text: a mention in prose; displayName: next to an address; namesList: an address header without addresses. */
    place: z.enum(['field', 'text', 'displayName', 'namesList']),
    how: NameHowSchema,
  }),
  /** Reached through a key or declared link from another hit. */
  z.object({ code: z.literal('linked'), parent: z.string(), via: z.string() }),
  /** Other people's identifiers are in the record too (Art. 15(4)). */
  z.object({ code: z.literal('othersInRecord') }),
  /** A strong identifier matched, but a name field holds someone else's name. */
  z.object({ code: z.literal('otherNameInRecord'), fields: z.array(z.string()) }),
  /** A strong identifier matched, and another of the same kind differs (an old or second one). */
  z.object({ code: z.literal('alsoDifferent'), kinds: z.array(DifferingKindSchema) }),
  z.object({ code: z.literal('mentionOnly') }),
  /** Same name, different identifiers: possibly someone else. */
  z.object({ code: z.literal('namesake'), kinds: z.array(DifferingKindSchema) }),
  z.object({ code: z.literal('sameAddress'), field: z.string(), words: z.number().int().positive() }),
  z.object({ code: z.literal('emailOfSurname') }),
  z.object({ code: z.literal('nameSupported') }),
  z.object({ code: z.literal('nameOnly') }),
]);
export type Reason = z.infer<typeof ReasonSchema>;
