import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { rememberLanguage } from '../i18n';
import { caseLabel, useSession } from './session';

/** Product name, the request being worked on, and the UI language switch. */
export function AppHeader() {
  const { t, i18n } = useTranslation();
  const { detail, workspace } = useSession();
  const change = (lang: Language) => {
    rememberLanguage(lang);
    void i18n.changeLanguage(lang);
  };
  return (
    <header className="app-header">
      {/* WCAG 2.4.1: keyboard users can skip past the header and the list of screens. */}
      <a className="skip-link" href="#screen">
        {t('header.skip')}
      </a>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">I</span>
        <span className="brand-name">Innsyn</span>
        {workspace && <span className="brand-controller">{workspace.controller.name}</span>}
      </div>
      <p className="current-case" aria-live="polite">
        {detail ? t('header.working', { subject: caseLabel(detail) }) : t('header.noCase')}
      </p>
      <label className="lang-switch">
        <span>{t('header.language')}</span>
        <select value={i18n.language} onChange={(e) => change(e.target.value as Language)} data-testid="ui-language">
          <option value="nb">Norsk bokmål</option>
          <option value="en">English</option>
        </select>
      </label>
    </header>
  );
}
