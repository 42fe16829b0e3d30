import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../shared/case';
import { recordLabel, type Row } from './rows';
import { useReasonWords } from './use-reason-words';

interface Props {
  rows: Row[];
  decisions: ReadonlyMap<string, Decision>;
  selected: ReadonlySet<string>;
  active: number;
  setActive(i: number): void;
  toggle(id: string): void;
  open(id: string): void;
  labelOf(source: string): string;
}

const ROW_HEIGHT = 44;

/**
 * A virtualised grid: only the rows in view exist in the DOM, so 100,000 hits scroll as
 * smoothly as 100. Focus stays on the grid and aria-activedescendant names the active row,
 * which is always rendered because the active row is scrolled into view first.
 */
export function HitTable(props: Props) {
  const { t } = useTranslation();
  const reasonWords = useReasonWords();
  const scroller = useRef<HTMLDivElement>(null);
  // Fixed row height, no measuring; rendering is left to React's scheduler instead of being
  // forced synchronously inside every scroll event.
  const v = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    useFlushSync: false,
  });
  const { active, rows } = props;

  // Follow the keyboard only when the active row changes; scrolling with the mouse or wheel
  // must not be pulled back to it on every render.
  const virtualizer = useRef(v);
  virtualizer.current = v;
  useEffect(() => {
    if (active >= 0 && active < rows.length) virtualizer.current.scrollToIndex(active, { align: 'auto' });
  }, [active, rows.length]);

  const onKey = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      props.setActive(Math.max(0, Math.min(rows.length - 1, to)));
    };
    const row = rows[active];
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + 10);
    else if (e.key === 'PageUp') move(active - 10);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === ' ' && row?.type === 'hit') {
      e.preventDefault();
      props.toggle(row.hit.id);
    } else if (e.key === 'Enter' && row?.type === 'hit') {
      e.preventDefault();
      props.open(row.hit.id);
    }
  };

  const activeRow = rows[active];
  return (
    <div
      ref={scroller}
      className="hit-grid"
      role="grid"
      aria-label={t('review.gridLabel')}
      aria-rowcount={rows.length}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={activeRow ? `row-${active}` : undefined}
      onKeyDown={onKey}
      data-testid="hit-grid"
    >
      <div className="hit-grid-inner" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => {
          const row = rows[item.index];
          const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
          const isActive = item.index === active;
          if (row.type === 'group') {
            return (
              <div key={row.key} id={`row-${item.index}`} role="row" aria-rowindex={item.index + 1} className={`grid-row group-row${isActive ? ' active' : ''}`} style={style}>
                <div role="columnheader" className="group-cell">
                  <strong>{props.labelOf(row.source)}</strong> · {row.place}
                  <span className="group-count">{t('review.groupCount', { count: row.count, high: row.high })}</span>
                </div>
              </div>
            );
          }
          const { hit } = row;
          const decision = props.decisions.get(hit.id);
          const isSelected = props.selected.has(hit.id);
          return (
            <div
              key={row.key}
              id={`row-${item.index}`}
              role="row"
              aria-rowindex={item.index + 1}
              aria-selected={isSelected}
              className={`grid-row hit-row${isActive ? ' active' : ''}${isSelected ? ' selected' : ''}`}
              style={style}
              onClick={() => {
                props.setActive(item.index);
                props.open(hit.id);
              }}
              data-testid="hit-row"
              data-hit-id={hit.id}
            >
              <div role="gridcell" className="cell-check">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={isSelected}
                  onChange={() => props.toggle(hit.id)}
                  onClick={(e) => e.stopPropagation()}
                  aria-label={t('review.select', { record: recordLabel(hit) })}
                />
              </div>
              <div role="gridcell" className="cell-conf">
                <span className={`conf conf-${hit.confidence}`}>{t(`review.conf.${hit.confidence}`)}</span>
              </div>
              <div role="gridcell" className="cell-record">
                {recordLabel(hit)}
                {hit.relatedTo && <span className="tag">{t('review.related')}</span>}
                {hit.thirdParty && <span className="tag tag-warn">{t('review.thirdParty')}</span>}
              </div>
              <div role="gridcell" className="cell-reasons">{reasonWords(hit)[0] ?? ''}</div>
              <div role="gridcell" className="cell-decision">
                {decision ? (
                  <span className={`decision ${decision.include ? 'inc' : 'exc'}`}>{decision.include ? t('review.included') : t('review.excluded')}</span>
                ) : (
                  <span className="decision none">{t('review.undecided')}</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
