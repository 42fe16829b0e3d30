import type { Subject } from '../../../shared/subject';
import type { Controller, Processing, SourceConfig } from '../../../shared/workspace';
import { fill, type PackageTexts } from './texts';

export interface CoverLetterSection {
  heading?: string;
  paragraphs: string[];
  /** Paragraphs that are placeholders the DPO must complete; shown highlighted. */
  placeholders?: number[];
}

export interface CoverLetter {
  title: string;
  meta: string[];
  sections: CoverLetterSection[];
  signature: string[];
}

export interface CoverLetterInput {
  texts: PackageTexts;
  controller: Controller;
  subject: Subject;
  caseRef: string | null;
  date: Date;
  lang: 'nb' | 'en';
  searchedSources: readonly SourceConfig[];
  /** Sources where data about the subject was found and included. */
  foundIn: readonly SourceConfig[];
  thirdPartyWithheld: boolean;
}

type ListField = 'purposes' | 'categories' | 'recipients';
type TextField = 'retention' | 'origin' | 'transfers' | 'automatedDecisions';

/**
 * Composes the Art. 15 answer from the processing records of the sources where data was
 * found. Kept apart from the PDF rendering so the app can preview it and tests can read it.
 * A source without a record shows a visible placeholder: the letter never pretends.
 */
export function composeCoverLetter(input: CoverLetterInput): CoverLetter {
  const L = input.texts.letter;
  const label = (s: SourceConfig) => s.label ?? s.id;
  const placeholder = (s: SourceConfig) => fill(L.placeholder, { source: label(s) });

  const perSource = (pick: (p: Processing) => string | undefined): CoverLetterSection => {
    const section: CoverLetterSection = { paragraphs: [], placeholders: [] };
    for (const s of input.foundIn) {
      const value = s.processing ? pick(s.processing) : undefined;
      if (value && value.trim()) section.paragraphs.push(`${label(s)}: ${value}`);
      else {
        section.placeholders!.push(section.paragraphs.length);
        section.paragraphs.push(placeholder(s));
      }
    }
    return section;
  };
  const list = (field: ListField) => (p: Processing) => p[field]?.join(', ');
  const text = (field: TextField) => (p: Processing) => p[field];

  const identifiers = [
    ...input.subject.names,
    ...input.subject.emails,
    ...input.subject.phones,
    ...input.subject.nationalIds.map(maskNationalId),
    ...input.subject.others,
  ].join(', ');
  const name = input.subject.names[0];
  const sections: CoverLetterSection[] = [
    {
      paragraphs: [
        name ? fill(L.greeting, { name }) : L.greetingNoName,
        fill(L.intro, { sourceCount: input.searchedSources.length, identifiers }),
        input.foundIn.length > 0 ? L.found : L.notFound,
      ],
    },
  ];
  if (input.foundIn.length > 0) {
    const a = perSource((p) => {
      const purposes = p.purposes?.join(', ');
      if (!purposes) return undefined;
      return p.legalBasis ? `${purposes} (${L.legalBasis}: ${p.legalBasis})` : purposes;
    });
    sections.push(
      { heading: L.points.a, ...a },
      { heading: L.points.b, ...perSource(list('categories')) },
      { heading: L.points.c, ...perSource(list('recipients')) },
      { heading: L.points.d, ...perSource(text('retention')) },
      { heading: L.points.e, paragraphs: [L.rights] },
      { heading: L.points.f, paragraphs: [L.complaint] },
      { heading: L.points.g, ...perSource(text('origin')) },
      { heading: L.points.h, ...perSource(text('automatedDecisions')) },
      { heading: L.points.transfers, ...perSource(text('transfers')) },
    );
  } else {
    sections.push({ heading: L.points.e, paragraphs: [L.rights] }, { heading: L.points.f, paragraphs: [L.complaint] });
  }
  if (input.thirdPartyWithheld) sections.push({ paragraphs: [L.thirdPartyWithheld] });
  sections.push({
    heading: L.contentsTitle,
    paragraphs: L.contents.map((c) => fill(c, { letterFile: input.texts.fileName, readmeFile: input.texts.readmeName })),
  });
  sections.push({ paragraphs: [L.free] });

  const c = input.controller;
  const date = input.date.toLocaleDateString(input.lang === 'nb' ? 'nb-NO' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return {
    title: L.title,
    meta: [`${L.date}: ${date}`, ...(input.caseRef ? [`${L.reference}: ${input.caseRef}`] : [])],
    sections,
    signature: [
      L.closing,
      c.name,
      ...(c.orgNumber ? [`${L.orgNumber}: ${c.orgNumber}`] : []),
      ...(c.address ? [c.address] : []),
      ...(c.email ? [`${L.contact}: ${c.email}`] : []),
      ...(c.dpo?.name || c.dpo?.email ? [`${L.dpo}: ${[c.dpo?.name, c.dpo?.email].filter(Boolean).join(', ')}`] : []),
    ],
  };
}

/** The letter may travel by ordinary post: show only the birth date part of a national ID. */
function maskNationalId(id: string): string {
  const digits = id.replace(/\D/g, '');
  return digits.length === 11 ? `${digits.slice(0, 6)}*****` : id;
}
