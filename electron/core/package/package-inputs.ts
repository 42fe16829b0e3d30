import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { PackageReviewSchema, type PackageReview } from './review';

/**
 * Reads the passphrase for an encrypted package from a file, so it never appears in a shell
 * history or a process list. One trailing line break is dropped (editors add one); anything
 * else is part of the passphrase.
 */
export async function readPasswordFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppError('INVALID_INPUT', `The password file ${file} cannot be read. Check the path and try again. Nothing was written.`);
  }
  const password = text.replace(/\r?\n$/, '');
  if (password.length < 8) {
    throw new AppError('INVALID_INPUT', `The password file ${file} must hold a passphrase of at least 8 characters. Nothing was written.`);
  }
  return password;
}

/** Reads a review (decisions and redactions, see review.ts) from a JSON file. */
export async function readReviewFile(file: string): Promise<PackageReview> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new AppError('INVALID_INPUT', `The review file ${file} cannot be read as JSON. Nothing was written.`);
  }
  const parsed = PackageReviewSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'review'}: ${i.message}`);
    throw new AppError('INVALID_INPUT', `The review file ${file} is not valid: ${issues.slice(0, 5).join('; ')}. Nothing was written.`, issues);
  }
  return parsed.data;
}
