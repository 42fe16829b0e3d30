import PostalMime from 'postal-mime';
import { readMbox } from '../../../../electron/core/sources/mail/mbox-reader';
import type { TaskReport } from '../measure';

/** The naive baseline: split the mbox and fully parse every message, one after another. */
export async function naiveMailTask(args: { file: string }): Promise<TaskReport> {
  const started = performance.now();
  let messages = 0;
  let chars = 0;
  for await (const msg of readMbox(args.file, new AbortController().signal)) {
    const parsed = await PostalMime.parse(msg.raw);
    chars += (parsed.text ?? parsed.html ?? '').length;
    messages++;
  }
  return { ms: performance.now() - started, detail: { messages, chars } };
}
