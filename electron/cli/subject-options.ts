import { Command, Option } from 'commander';
import { AppError } from '../../shared/errors';
import { subjectProblems } from '../../shared/identifiers';
import { subjectIsEmpty, type Subject } from '../../shared/subject';
import type { Confidence } from '../../shared/hit';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The subject and source options shared by `search` and `export`. */
export function addSubjectOptions(cmd: Command): Command {
  return cmd
    .option('--workspace <file>', 'workspace file (default: the workspace imported into the app)')
    .option('--name <name>', 'the person’s name (repeatable)', collect)
    .option('--email <address>', 'e-mail address (repeatable)', collect)
    .option('--phone <number>', 'phone number (repeatable)', collect)
    .option('--national-id <number>', 'fødselsnummer or D-nummer (repeatable)', collect)
    .option('--other <token>', 'customer number, username, IP address, ... (repeatable)', collect)
    .option('--address <text>', 'street address, postcode or city; only supports a name match (repeatable)', collect)
    .option('--source <id>', 'search only this source (repeatable; default: all)', collect);
}

export const minConfidenceOption = () =>
  new Option('--min-confidence <level>', 'include hits at or above this confidence').choices(['high', 'medium', 'low']).default('high');

export interface SubjectOptions {
  workspace?: string;
  name?: string[];
  email?: string[];
  phone?: string[];
  nationalId?: string[];
  other?: string[];
  address?: string[];
  source?: string[];
  minConfidence?: Confidence;
}

export function subjectFrom(opts: SubjectOptions): Subject {
  const subject: Subject = {
    names: opts.name ?? [],
    emails: opts.email ?? [],
    phones: opts.phone ?? [],
    nationalIds: opts.nationalId ?? [],
    others: opts.other ?? [],
    ...(opts.address && opts.address.length > 0 ? { addresses: opts.address } : {}),
  };
  if (subjectIsEmpty(subject)) {
    throw new AppError('INVALID_INPUT', 'Say who to search for: give at least one of --name, --email, --phone, --national-id or --other.');
  }
  // A mistyped identifier would search quietly for the wrong thing: refuse it (exit code 2).
  const problems = subjectProblems(subject);
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${problems.map((p) => p.message).join(' ')} Correct the identifier and search again; nothing was searched.`,
      problems.map((p) => p.message),
    );
  }
  return subject;
}
