import path from 'node:path';
import { exportCase } from '../../../../electron/core/cases/export-case';
import { keepSearchWithOriginals } from '../../../../electron/core/cases/mail-originals';
import { openCaseRegister } from '../../../../electron/core/cases/open-register';
import { projectRoot } from '../../../helpers/corpora';
import type { TaskReport } from '../measure';
import { benchSubject } from '../data/subject';
import { exportInput } from './export-task';

interface CaseArgs {
  csv: string;
  mbox: string;
  records: number;
  mails: number;
  dataDir: string;
  out?: string;
}

/** Not measured: a case whose stored search holds the export's records and e-mails. */
export async function caseSetupTask(args: CaseArgs): Promise<TaskReport> {
  const { sources, result } = await exportInput(args);
  const open = openCaseRegister(args.dataDir);
  try {
    const c = open.register.create({ subject: benchSubject, types: ['access'], channel: 'email' });
    open.register.verify(c.ref, { method: 'bench', by: 'bench' });
    const started = performance.now();
    // As `innsyn search --case` stores it.
    await keepSearchWithOriginals(open.register, c.ref, result, sources);
    return { ms: performance.now() - started, detail: { ref: c.ref } };
  } finally {
    open.close();
  }
}

/** The export a DPO runs: the package from the hits stored with the case (exportCase). */
export async function exportCaseTask(args: CaseArgs & { ref: string }): Promise<TaskReport> {
  const open = openCaseRegister(args.dataDir);
  try {
    const started = performance.now();
    const steps: Record<string, number> = {};
    let last = started;
    const built = await exportCase(open.register, args.ref, {
      outFile: args.out!,
      controller: { name: 'Benchmark AS', orgNumber: '999 999 999' },
      lang: 'nb',
      minConfidence: 'low',
      resourcesDir: path.join(projectRoot, 'resources'),
      tool: { name: 'innsyn-bench', version: '0' },
      onProgress: ({ step }) => {
        const t = performance.now();
        steps[`${step}Ms`] = Math.round(t - last);
        last = t;
      },
    });
    return { ms: performance.now() - started, hits: built.manifest.files.length, detail: { ...steps } };
  } finally {
    open.close();
  }
}
