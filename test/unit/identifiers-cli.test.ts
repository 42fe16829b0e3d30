import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { exitCodeFor } from '../../electron/cli/exit-codes';
import { subjectFrom } from '../../electron/cli/subject-options';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('identifiers given on the command line', () => {
  it('passes valid identifiers through, with --address as supporting evidence', () => {
    const s = subjectFrom({ name: ['Åse Ødegård-Bakken'], phone: ['913 45 678'], nationalId: ['150385-41215'], address: ['9008 Tromsø'] });
    expect(s.nationalIds).toEqual(['150385-41215']);
    expect(s.addresses).toEqual(['9008 Tromsø']);
  });

  it('refuses a national ID with a bad check digit as a usage error (exit code 2), naming every problem', () => {
    let error: unknown;
    try {
      subjectFrom({ nationalId: ['150385 41216'], email: ['kari@'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(exitCodeFor(error)).toBe(2);
    expect((error as AppError).message).toMatch(/National ID ending in …16 has check digits that do not match/);
    expect((error as AppError).message).toMatch(/E-mail "kari@" is not an e-mail address/);
    expect((error as AppError).message).not.toContain('15038541216');
  });

  it('the innsyn command exits with 2 and says why, before searching anything', async () => {
    const dir = tempDir();
    const run = await runCli(['search', '--json', '--national-id', '15038541216'], { dataDir: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('check digits that do not match');
    expect(run.stdout).toBe('');
  });
});
