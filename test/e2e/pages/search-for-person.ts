import type { Page } from 'playwright-core';
import type { CoreSession } from '../bridge/core-session';
import { AppPage } from './app-page';
import { CasesPage, type Identifiers } from './cases-page';
import { SearchPage } from './search-page';
import { SourcesPage } from './sources-page';

/**
 * What most checks start from: the workspace imported on Sources, a request for `person`
 * registered with verified identity on Requests, and its search started. Returns the Search
 * screen, for the caller to wait for what it needs (done, a source error, a running source).
 */
export async function searchForPerson(
  page: Page,
  session: CoreSession,
  opts: { workspace: string; person: Identifiers; verified: [method: string, by: string] },
  /** Runs just before the search is started (the UI benchmark starts its clock there). */
  beforeStart?: () => Promise<void>,
): Promise<SearchPage> {
  const app = new AppPage(page);
  await app.go('sources');
  await new SourcesPage(page, session).importWorkspace(opts.workspace);
  await app.go('cases');
  const cases = new CasesPage(page);
  await cases.openForm();
  await cases.fill(opts.person);
  await cases.verifiedBy(...opts.verified);
  await cases.save();
  const search = new SearchPage(page);
  await beforeStart?.();
  await search.start();
  return search;
}
