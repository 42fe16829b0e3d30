import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../../../shared/hit';
import type { ScreenId } from '../../app/App';
import { useSession, type Decision } from '../../app/session';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { HitPreview } from './HitPreview';
import { HitTable } from './HitTable';
import { buildRows } from './rows';
import { Suggestions } from './Suggestions';

/** The reasons a DPO gives, and the ground each one is to the package and the cover letter. */
const exclusionGrounds = { namesake: 'not-subject', notRelevant: 'not-subject', thirdParty: 'third-party', exemption: 'exempt' } as const;
const exclusionReasons = Object.keys(exclusionGrounds) as Array<keyof typeof exclusionGrounds>;

/** Decide, hit by hit or in bulk, what goes into the answer, and redact what is someone else's. */
export function ReviewScreen({ go }: { go(s: ScreenId): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const session = useSession();
  const result = session.run?.result;
  const [conf, setConf] = useState<'all' | Confidence>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reasonKey, setReasonKey] = useState<(typeof exclusionReasons)[number]>('namesake');
  const rows = useMemo(() => buildRows(result?.hits ?? [], (h) => conf === 'all' || h.confidence === conf), [result, conf]);
  const byId = useMemo(() => new Map((result?.hits ?? []).map((h) => [h.id, h])), [result]);

  if (!result) {
    return (
      <div className="screen-body">
        <ScreenHeader title={t('review.title')} intro={t('review.intro')} />
        <Notice kind="info">
          {t('review.noRun')} <Button variant="quiet" onPress={() => go('search')}>{t('review.toSearch')}</Button>
        </Notice>
      </div>
    );
  }

  const labelOf = (id: string) => session.workspace?.sources.find((s) => s.id === id)?.label ?? id;
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const exclusion: Decision = { include: false, ground: exclusionGrounds[reasonKey], reason: t(`review.reasons.${reasonKey}`) };
  const decided = Object.values(session.decisions);
  const open = openId ? byId.get(openId) : undefined;
  // Third-party records are never included in bulk: Art. 15(4) needs a look at each one.
  const allHigh = result.hits.filter((h) => h.confidence === 'high' && !h.thirdParty).map((h) => h.id);

  return (
    <div className="screen-body review">
      <ScreenHeader
        title={t('review.title')}
        intro={t('review.summary', {
          hits: f.number(result.hits.length),
          included: f.number(decided.filter((d) => d.include).length),
          excluded: f.number(decided.filter((d) => !d.include).length),
        })}
      />
      <div className="toolbar" role="toolbar" aria-label={t('review.toolbar')}>
        <label className="field inline">
          <span className="label">{t('review.filter')}</span>
          <select value={conf} onChange={(e) => setConf(e.target.value as typeof conf)}>
            <option value="all">{t('review.conf.all')}</option>
            {(['high', 'medium', 'low'] as const).map((c) => (
              <option key={c} value={c}>{t(`review.conf.${c}`)}</option>
            ))}
          </select>
        </label>
        <Button variant="primary" onPress={() => session.decide(allHigh, { include: true, reason: t('review.reasonSubject') })} data-testid="include-all-high">
          {t('review.includeAllHigh', { count: allHigh.length })}
        </Button>
        <Button onPress={() => session.decide([...selected], { include: true, reason: t('review.reasonSubject') })} isDisabled={selected.size === 0}>
          {t('review.includeSelected', { count: selected.size })}
        </Button>
        <label className="field inline">
          <span className="label">{t('review.reasonLabel')}</span>
          <select value={reasonKey} onChange={(e) => setReasonKey(e.target.value as typeof reasonKey)} data-testid="exclusion-reason">
            {exclusionReasons.map((r) => (
              <option key={r} value={r}>{t(`review.reasons.${r}`)}</option>
            ))}
          </select>
        </label>
        <Button variant="danger" onPress={() => session.decide([...selected], exclusion)} isDisabled={selected.size === 0}>
          {t('review.excludeSelected', { count: selected.size })}
        </Button>
        <Button variant="quiet" onPress={() => setSelected(new Set())} isDisabled={selected.size === 0}>
          {t('review.clearSelection')}
        </Button>
      </div>
      <p className="hint">{t('review.keys')}</p>
      <div className="review-split">
        {rows.length === 0 ? (
          <Notice kind="info">{t('review.none')}</Notice>
        ) : (
          <HitTable rows={rows} decisions={session.decisions} selected={selected} active={active} setActive={setActive} toggle={toggle} open={setOpenId} labelOf={labelOf} />
        )}
        {open ? <HitPreview hit={open} sourceLabel={labelOf(open.source)} exclusion={exclusion} /> : <aside className="card hit-preview empty">{t('review.pick')}</aside>}
      </div>
      <Suggestions items={result.suggestions ?? []} />
      <div className="form-actions">
        <Button variant="primary" onPress={() => go('export')} data-testid="to-export">{t('review.toExport')}</Button>
      </div>
    </div>
  );
}
