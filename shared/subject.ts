import { z } from 'zod';

/**
 * The person who asked "what do you have about me?". Every identifier kind is repeatable:
 * people change e-mail addresses, have several phones, and are registered under old names.
 */
export const SubjectSchema = z.object({
  names: z.array(z.string().trim().min(1)).default([]),
  emails: z.array(z.string().trim().min(1)).default([]),
  phones: z.array(z.string().trim().min(1)).default([]),
  nationalIds: z.array(z.string().trim().min(1)).default([]),
  /** Exact tokens: customer number, username, IP address, licence plate. */
  others: z.array(z.string().trim().min(1)).default([]),
  /**
   * Street address, postcode or city. Never enough on its own: it only supports a name match
   * (domain guide, "medium": the name together with the same city or address).
   */
  addresses: z.array(z.string().trim().min(1)).optional(),
});
export type Subject = z.infer<typeof SubjectSchema>;

export type IdentifierKind = 'name' | 'email' | 'phone' | 'nationalId' | 'other';

export function subjectIsEmpty(subject: Subject): boolean {
  return (
    subject.names.length +
      subject.emails.length +
      subject.phones.length +
      subject.nationalIds.length +
      subject.others.length ===
    0
  );
}
