import { useTranslation } from 'react-i18next';
import { Notice, ScreenHeader } from '../../ui/Notice';

/** The hash-chained audit trail of the open case (Art. 5(2) accountability). */
export function AuditScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen-body">
      <ScreenHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Notice kind="info">{t('audit.noCase')}</Notice>
    </div>
  );
}
