import { Option } from 'commander';
import { AppError } from '../../../shared/errors';
import type { CaseRegister } from '../../core/cases/case-register';
import { openCaseRegister } from '../../core/cases/open-register';

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export const jsonOption = () => new Option('--json', 'print the result as JSON on stdout');

/**
 * Opens the case register for one command. The retention rule runs first, on every
 * command, so expired record copies never outlive their period by more than one use.
 */
export async function withRegister<T>(dataDir: string, work: (reg: CaseRegister) => Promise<T> | T, autoPurge = true): Promise<T> {
  const open = openCaseRegister(dataDir, undefined, autoPurge);
  try {
    if (open.purged.length > 0) {
      process.stderr.write(`Retention: deleted the record copies of ${open.purged.length} closed case(s) (${open.purged.map((p) => p.ref).join(', ')}).\n`);
    }
    return await work(open.register);
  } finally {
    open.close();
  }
}

export function print(json: boolean | undefined, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text());
}

/** `12:40` → [12, 40]: character offsets, end exclusive. */
export function parseSpan(text: string): [number, number] {
  const m = /^(\d+):(\d+)$/.exec(text);
  if (!m) throw new AppError('INVALID_INPUT', `--span must be START:END in characters, e.g. 12:40, not "${text}".`);
  return [Number(m[1]), Number(m[2])];
}
