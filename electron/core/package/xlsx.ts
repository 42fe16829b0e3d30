import type { EntrySink } from './entry-stream';
import { SheetBuilder } from './xlsx-build';
import { sheetSteps, type XlsxInput } from './xlsx-rows';

/**
 * Writes data.xlsx into `sink` on this thread: the steps (xlsx-rows.ts) go straight to the
 * builder (xlsx-build.ts). The export uses it where no spreadsheet worker can be started
 * (xlsx-aside.ts); the file is the same either way.
 */
export async function writeXlsx(input: XlsxInput, sink: EntrySink): Promise<void> {
  const builder = new SheetBuilder(sink);
  try {
    for await (const step of sheetSteps(input)) await builder.apply(step);
    await builder.finish();
  } catch (err) {
    // Stop the compressor; the staging closes the file, so a cancelled export leaves no open
    // handle on the staging folder (Windows could not delete it).
    builder.abort();
    throw err;
  }
}
