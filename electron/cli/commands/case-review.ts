import { Option, type Command } from 'commander';
import { ExclusionGroundSchema, type ExclusionGround } from '../../../shared/case';
import { AppError } from '../../../shared/errors';
import { decide, redact, removeRedaction } from '../../core/cases/case-review';
import { formatUpdate } from './case-format';
import { collect, jsonOption, parseSpan, print, withRegister } from './case-shared';

/** `innsyn case review|redact|unredact`: the reviewer's decisions on the stored hits. */
export function registerCaseReview(cases: Command, dataDir: () => string): void {
  cases
    .command('review <ref>')
    .description('include or leave out one hit, with the reason')
    .requiredOption('--hit <id>', 'the hit (see "innsyn case show REF")')
    .option('--include', 'the record is about the person and goes in the answer')
    .option('--exclude', 'leave the record out')
    .requiredOption('--reason <text>', 'e.g. "namesake", "third-party data", "legal exemption"')
    .addOption(new Option('--ground <ground>', 'why it is left out (read from the reason when it is one of the usual ones)').choices(ExclusionGroundSchema.options))
    .addOption(jsonOption())
    .action(async (ref: string, opts: { hit: string; include?: boolean; exclude?: boolean; reason: string; ground?: ExclusionGround; json?: boolean }) => {
      if (Boolean(opts.include) === Boolean(opts.exclude)) throw new AppError('INVALID_INPUT', 'Give exactly one of --include or --exclude.');
      const update = await withRegister(dataDir(), (reg) => decide(reg, ref, opts.hit, { include: Boolean(opts.include), reason: opts.reason, ground: opts.ground }));
      print(opts.json, update, () => formatUpdate(update));
    });

  cases
    .command('redact <ref>')
    .description('mask or remove another person’s data inside a hit (Art. 15(4))')
    .requiredOption('--hit <id>', 'the hit')
    .requiredOption('--field <name>', 'the field (column or header) to redact (repeatable)', collect)
    .option('--span <start:end>', 'mask only these characters of the field (0-based, end exclusive)')
    .option('--remove', 'leave the whole field out instead of masking it')
    .requiredOption('--reason <text>', 'why, e.g. "third-party data"')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { hit: string; field: string[]; span?: string; remove?: boolean; reason: string; json?: boolean }) => {
      if (opts.span && opts.remove) throw new AppError('INVALID_INPUT', '--remove takes out a whole field; a --span is masked. Give one or the other.');
      if (opts.span && opts.field.length > 1) throw new AppError('INVALID_INPUT', 'A --span applies to one --field; give one field with it.');
      const span = opts.span ? parseSpan(opts.span) : null;
      const made = await withRegister(dataDir(), (reg) =>
        opts.field.map((field) => redact(reg, ref, { hitId: opts.hit, field, span, mode: opts.remove ? 'remove' : 'mask', reason: opts.reason }).redaction),
      );
      print(opts.json, made, () =>
        made.map((r) => `Redaction ${r.id} recorded: ${r.mode} ${r.field}${r.span ? ` [${r.span[0]}:${r.span[1]}]` : ''} in ${r.hitId}.\n`).join(''),
      );
    });

  cases
    .command('unredact <ref>')
    .description('withdraw a redaction')
    .requiredOption('--redaction <id>', 'the redaction number')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { redaction: string; json?: boolean }) => {
      const id = Number(opts.redaction);
      if (!Number.isInteger(id) || id < 1) throw new AppError('INVALID_INPUT', `--redaction takes a redaction number, not "${opts.redaction}".`);
      const update = await withRegister(dataDir(), (reg) => removeRedaction(reg, ref, id));
      print(opts.json, update, () => formatUpdate(update));
    });
}
