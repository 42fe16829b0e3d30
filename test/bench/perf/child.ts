/**
 * Entry point of one measured child process: `node .cache/bench-child/child.js <task> <json>`,
 * bundled as the app ships its code (child-bundle.ts; `node --import tsx child.ts` also works).
 * Each measurement gets its own process so peak RSS belongs to that task alone. The last
 * stdout line is the TaskReport; nothing about the data itself is printed.
 */
import { duckdbTask } from './tasks/duckdb-task';
import { caseSetupTask, exportCaseTask } from './tasks/export-case-task';
import { exportTask } from './tasks/export-task';
import { naiveMailTask } from './tasks/naive-mail-task';
import { searchTask } from './tasks/search-tasks';
import type { TaskReport } from './measure';

type Task = (args: never) => Promise<TaskReport>;

const tasks: Record<string, Task> = {
  search: searchTask,
  duckdb: duckdbTask,
  'naive-mail': naiveMailTask,
  export: exportTask,
  'case-setup': caseSetupTask,
  'export-case': exportCaseTask,
};

const [name, json] = process.argv.slice(2);
const task = tasks[name ?? ''];
if (!task) {
  process.stderr.write(`unknown task ${name ?? '(none)'}; known: ${Object.keys(tasks).join(', ')}\n`);
  process.exit(2);
}
const report = await (task as (args: unknown) => Promise<TaskReport>)(JSON.parse(json ?? '{}'));
process.stdout.write(`${JSON.stringify(report)}\n`);
