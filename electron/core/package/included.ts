import { atLeast, type Confidence, type Hit } from '../../../shared/hit';

export interface Selection {
  included: Hit[];
  /** Hits held back for review, with why; counted in the manifest, never silently lost. */
  heldBack: Array<{ hit: Hit; reason: string }>;
}

/**
 * Which hits go into the package when no reviewer has decided: those at or above the chosen
 * confidence. A related row that holds other people's identifiers is never included
 * automatically (Art. 15(4)): it waits for a reviewer.
 */
export function selectHits(hits: readonly Hit[], minConfidence: Confidence): Selection {
  const included: Hit[] = [];
  const heldBack: Selection['heldBack'] = [];
  for (const hit of hits) {
    if (!atLeast(hit.confidence, minConfidence)) {
      heldBack.push({ hit, reason: `confidence ${hit.confidence} is below ${minConfidence}` });
    } else if (hit.relatedTo && hit.thirdParty) {
      heldBack.push({ hit, reason: 'related record holds other people’s data and needs review' });
    } else {
      included.push(hit);
    }
  }
  return { included, heldBack };
}
