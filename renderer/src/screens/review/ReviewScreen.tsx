import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseHit, CaseReviewUpdate } from '../../../../shared/case';
import type { Confidence, Hit } from '../../../../shared/hit';
import type { ScreenId } from '../../app/App';
import { useApi } from '../../app/api-context';
import { useSameList } from '../../app/same-list';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { HitPreview, type Exclusion } from './HitPreview';
import { HitTable } from './HitTable';
import { SuggestionsPanel } from './SuggestionsPanel';
import { decideMany, type DecisionInput } from './review-actions';
import { buildRows } from './rows';

/** The reasons a DPO gives, and the ground each is to the package and the cover letter. */
const exclusionGrounds = { namesake: 'not-subject', notRelevant: 'not-subject', thirdParty: 'third-party', exemption: 'exempt' } as const;
const exclusionReasons = Object.keys(exclusionGrounds) as Array<keyof typeof exclusionGrounds>;
type Reviewable = CaseHit & { hit: Hit };

/** Decide, hit by hit or in bulk, what goes into the answer, and redact what is someone else's. */
export function ReviewScreen({ go }: { go(s: ScreenId): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useApi();
  const { detail, applyReview, workspace } = useSession();
  const [conf, setConf] = useState<'all' | Confidence>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reasonKey, setReasonKey] = useState<(typeof exclusionReasons)[number]>('namesake');
  const [busy, setBusy] = useState(false);
  // One action at a time, also for a double click that lands before the busy state renders:
  // each decision is audited, so a second click must not record the same decision again.
  const running = useRef(false);
  const [error, setError] = useState<string | null>(null);

  // Hits whose record copy was deleted under the retention rule cannot be reviewed again.
  const items = useMemo(() => (detail?.hits ?? []).filter((h): h is Reviewable => h.hit !== null), [detail]);
  const byId = useMemo(() => new Map(items.map((i) => [i.hitId, i])), [items]);
  const decisions = useMemo(() => new Map(items.flatMap((i) => (i.decision ? [[i.hitId, i.decision] as const] : []))), [items]);
  // A decision changes a hit's decision, not its record: the rows are regrouped only when the records change.
  const records = useSameList(items.map((i) => i.hit));
  const rows = useMemo(() => buildRows(records, (h) => conf === 'all' || h.confidence === conf), [records, conf]);

  if (!detail || !detail.search) {
    return (
      <div className="screen-body">
        <ScreenHeader title={t('review.title')} intro={t('review.intro')} />
        <Notice kind="info">
          {t('review.noRun')} <Button variant="quiet" onPress={() => go('search')}>{t('review.toSearch')}</Button>
        </Notice>
      </div>
    );
  }

  const ref = detail.case.ref;
  const act = async (work: () => Promise<CaseReviewUpdate | null>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const update = await work();
      if (update) applyReview(update);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const decide = (ids: readonly string[], d: DecisionInput) => void act(() => decideMany(api, ref, ids, d));
  const labelOf = (id: string) => workspace?.sources.find((s) => s.id === id)?.label ?? id;
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const exclusion: Exclusion = { ground: exclusionGrounds[reasonKey], reason: t(`review.reasons.${reasonKey}`) };
  const include: DecisionInput = { include: true, reason: t('review.reasonSubject') };
  const exclude: DecisionInput = { include: false, ...exclusion };
  const open = openId ? byId.get(openId) : undefined;
  // Third-party records are never included in bulk: Art. 15(4) needs a look at each one.
  const allHigh = items.filter((i) => i.hit.confidence === 'high' && !i.hit.thirdParty && !i.decision?.include).map((i) => i.hitId);
  const counted = [...decisions.values()];

  return (
    <div className="screen-body review" aria-busy={busy} data-testid="review">
      <ScreenHeader
        title={t('review.title')}
        intro={t('review.summary', {
          hits: f.number(items.length),
          included: f.number(counted.filter((d) => d.include).length),
          excluded: f.number(counted.filter((d) => !d.include).length),
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
        <Button variant="primary" onPress={() => decide(allHigh, include)} isDisabled={busy || allHigh.length === 0} data-testid="include-all-high">
          {t('review.includeAllHigh', { count: allHigh.length })}
        </Button>
        <Button onPress={() => decide([...selected], include)} isDisabled={busy || selected.size === 0}>
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
        <Button variant="danger" onPress={() => decide([...selected], exclude)} isDisabled={busy || selected.size === 0}>
          {t('review.excludeSelected', { count: selected.size })}
        </Button>
        <Button variant="quiet" onPress={() => setSelected(new Set())} isDisabled={selected.size === 0}>
          {t('review.clearSelection')}
        </Button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <SuggestionsPanel detail={detail} applyReview={applyReview} searchAgain={() => go('search')} />
      <p className="hint">{t('review.keys')}</p>
      <div className="review-split">
        {rows.length === 0 ? (
          <Notice kind="info">{t('review.none')}</Notice>
        ) : (
          <HitTable rows={rows} decisions={decisions} selected={selected} active={active} setActive={setActive} toggle={toggle} open={setOpenId} labelOf={labelOf} />
        )}
        {open ? (
          <HitPreview
            caseRef={ref}
            item={open}
            sourceLabel={labelOf(open.source)}
            exclusion={exclusion}
            busy={busy}
            onDecide={(inc) => decide([open.hitId], inc ? include : exclude)}
            onRedact={(field, span) => void act(() => api['case:redact']({ ref, hitId: open.hitId, field, span, mode: 'mask', reason: t('review.redactReason') }))}
          />
        ) : (
          <aside className="card hit-preview empty">{t('review.pick')}</aside>
        )}
      </div>
      <div className="form-actions">
        <Button variant="primary" onPress={() => go('export')} data-testid="to-export">{t('review.toExport')}</Button>
      </div>
    </div>
  );
}
