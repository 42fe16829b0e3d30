import { Command, Option } from 'commander';
import { AppError } from '../../shared/errors';
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
  };
  if (subjectIsEmpty(subject)) {
    throw new AppError('INVALID_INPUT', 'Say who to search for: give at least one of --name, --email, --phone, --national-id or --other.');
  }
  return subject;
}
