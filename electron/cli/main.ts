import { Command, CommanderError } from 'commander';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../core/store/data-dir';
import { registerCase } from './commands/case';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerSearch } from './commands/search';
import { registerSource } from './commands/source';
import { registerSettings } from './commands/settings';
import { registerWorkspace } from './commands/workspace';
import { tool } from './context';
import { EXIT, exitCodeFor } from './exit-codes';

export function buildProgram(): Command {
  const program = new Command('innsyn')
    .description('Answer GDPR data subject access requests from the command line.')
    .version(tool.version)
    .option('--data-dir <dir>', 'folder for the local database (default: the desktop app’s)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const dataDir = () => (program.opts().dataDir as string | undefined) ?? defaultDataDir();
  registerSearch(program, dataDir);
  registerExport(program, dataDir);
  registerDemo(program);
  registerWorkspace(program, dataDir);
  registerSource(program, dataDir);
  registerCase(program, dataDir);
  registerSettings(program, dataDir);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and returns its exit code; errors are printed as sentences, never stack traces. */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version output end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const message = err instanceof AppError ? err.message : `Unexpected error: ${(err as Error).message ?? String(err)}`;
    process.stderr.write(`innsyn: ${message}\n`);
    return exitCodeFor(err);
  }
}
