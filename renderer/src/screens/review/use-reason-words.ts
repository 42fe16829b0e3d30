import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hit } from '../../../../shared/hit';
import { describeReason } from '../../../../shared/reason-text';

/**
 * Puts a hit's reasons into the UI language. The core keeps reasons as data (shared/reason.ts)
 * and their words live in i18next's "reasons" namespace; hits stored before that have only
 * English sentences, which are shown as they are.
 */
export function useReasonWords(): (hit: Hit) => string[] {
  const { t } = useTranslation('reasons');
  return useCallback((hit: Hit) => (hit.why ? hit.why.map((r) => describeReason(r, (key, vars) => t(key, vars ?? {}))) : hit.reasons), [t]);
}
