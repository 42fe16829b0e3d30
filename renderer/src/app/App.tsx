import { useEffect, useState, type Key } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApi } from './api-context';
import { useSession } from './session';
import { AppHeader } from './AppHeader';
import { CasesScreen } from '../screens/cases/CasesScreen';
import { SourcesScreen } from '../screens/sources/SourcesScreen';
import { SearchScreen } from '../screens/search/SearchScreen';
import { ReviewScreen } from '../screens/review/ReviewScreen';
import { ExportScreen } from '../screens/export/ExportScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';

export const screens = ['cases', 'sources', 'search', 'review', 'export', 'audit', 'settings'] as const;
export type ScreenId = (typeof screens)[number];

/**
 * The window: a header, a vertical list of screens in the order a request is worked
 * (React Aria tabs give arrow-key navigation and the ARIA roles), and the chosen screen.
 */
export function App() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [screen, setScreen] = useState<ScreenId>('cases');
  const go = (s: ScreenId) => setScreen(s);

  useEffect(() => {
    void api['workspace:get']({}).then((r) => session.setWorkspace(r.workspace));
    // Loaded once at start; later changes come from the screens that make them.
  }, [api]);

  const panels: Record<ScreenId, React.ReactNode> = {
    cases: <CasesScreen go={go} />,
    sources: <SourcesScreen />,
    search: <SearchScreen go={go} />,
    review: <ReviewScreen go={go} />,
    export: <ExportScreen />,
    audit: <AuditScreen />,
    settings: <SettingsScreen />,
  };

  return (
    <div className="app">
      <AppHeader />
      <Tabs
        className="shell"
        orientation="vertical"
        selectedKey={screen}
        onSelectionChange={(k: Key) => setScreen(k as ScreenId)}
      >
        <TabList aria-label={t('nav.label')} className="nav">
          {screens.map((s) => (
            <Tab key={s} id={s} className="nav-item" data-testid={`nav-${s}`}>
              <span className={`nav-icon icon-${s}`} aria-hidden="true" />
              {t(`nav.${s}`)}
            </Tab>
          ))}
        </TabList>
        {/* Target of the skip link; the selected panel follows it. */}
        <span id="screen" tabIndex={-1} className="sr-only" />
        {screens.map((s) => (
          <TabPanel key={s} id={s} className="screen" data-screen={s}>
            {panels[s]}
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
