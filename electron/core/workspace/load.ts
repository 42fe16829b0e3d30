import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { WorkspaceSchema, describeWorkspaceIssues, type Workspace } from '../../../shared/workspace';

/** A validated workspace whose file paths are absolute (resolved against the file's folder). */
export interface LoadedWorkspace extends Workspace {
  /** The workspace file, or null when it came from the app's store. */
  file: string | null;
}

export async function loadWorkspaceFile(file: string): Promise<LoadedWorkspace> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(
      'NOT_FOUND',
      code === 'ENOENT'
        ? `Workspace file not found: ${file}. Check the path given to --workspace.`
        : `Could not read the workspace file ${file} (${code ?? 'unknown error'}).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError(
      'INVALID_INPUT',
      `The workspace file ${file} is not valid JSON: ${(err as Error).message}. Fix the file and try again.`,
    );
  }
  return parseWorkspace(raw, path.dirname(path.resolve(file)), path.resolve(file));
}

export function parseWorkspace(raw: unknown, baseDir: string, file: string | null): LoadedWorkspace {
  const parsed = WorkspaceSchema.safeParse(raw);
  if (!parsed.success) {
    const details = describeWorkspaceIssues(raw, parsed.error.issues);
    throw new AppError(
      'INVALID_INPUT',
      `The workspace${file ? ` ${file}` : ''} has ${details.length} problem(s):\n  ${details.join('\n  ')}`,
      details,
    );
  }
  const ws = parsed.data;
  return {
    ...ws,
    file,
    sources: ws.sources.map((s) =>
      'path' in s ? { ...s, path: path.resolve(baseDir, s.path) } : s,
    ),
  };
}
