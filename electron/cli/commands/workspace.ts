import type { Command } from 'commander';
import { openStore } from '../../core/store/store';
import { loadWorkspaceFile } from '../../core/workspace/load';
import { WorkspaceStore } from '../../core/workspace/workspace-store';

/** `innsyn workspace import|show`: the same stored workspace the desktop app uses. */
export function registerWorkspace(program: Command, dataDir: () => string): void {
  const ws = program.command('workspace').description('import or show the workspace stored in the data folder');
  ws.command('import <file>')
    .description('validate a workspace file and make it the current workspace')
    .action(async (file: string) => {
      const loaded = await loadWorkspaceFile(file);
      const db = openStore(dataDir());
      try {
        new WorkspaceStore(db).replace(loaded);
      } finally {
        db.close();
      }
      process.stdout.write(`Imported ${loaded.sources.length} source(s) for ${loaded.controller.name}.\n`);
    });
  ws.command('show')
    .description('print the current workspace as JSON')
    .action(() => {
      const db = openStore(dataDir());
      try {
        const current = new WorkspaceStore(db).get();
        process.stdout.write(`${JSON.stringify(current ? { controller: current.controller, sources: current.sources } : null, null, 2)}\n`);
      } finally {
        db.close();
      }
    });
}
