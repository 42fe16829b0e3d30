import type { SourceResult } from '../../../shared/hit';
import type { Subject } from '../../../shared/subject';
import type { Controller, Processing, SourceConfig } from '../../../shared/workspace';
import type { PackageFormat } from '../../../shared/package-formats';
import { dataFiles, fill, forFormats, type PackageTexts } from './texts';

export interface CoverLetterSection {
  heading?: string;
  paragraphs: string[];
  /** Paragraphs that are placeholders the DPO must complete; shown highlighted. */
  placeholders?: number[];
}

export interface CoverLetter {
  lang: 'nb' | 'en';
  title: string;
  meta: string[];
  sections: CoverLetterSection[];
  signature: string[];
}

/** What was left out, in the only terms the letter may use: that something was, never what. */
export interface Withheld {
  /** Other people's data removed or left out (Art. 15(4)). */
  thirdParty: boolean;
  /** Withheld under another exemption: the DPO must name the legal ground. */
  exempt: boolean;
  /** Messages exported without their original .eml because of redactions. */
  originals: boolean;
}

export interface CoverLetterInput {
  texts: PackageTexts;
  controller: Controller;
  subject: Subject;
  caseRef: string | null;
  date: Date;
  lang: 'nb' | 'en';
  searchedSources: readonly SourceConfig[];
  results: readonly SourceResult[];
  /** Records included per source id. */
  includedBySource: ReadonlyMap<string, number>;
  withheld: Withheld;
  /** What the package holds besides letter, readme and manifest; the letter names only these files. */
  formats: readonly PackageFormat[];
}

type ListField = 'purposes' | 'categories' | 'recipients';
type TextField = 'retention' | 'origin' | 'transfers' | 'automatedDecisions';

const label = (s: SourceConfig) => s.label ?? s.id;

/**
 * Composes the Art. 15 answer from the processing records of the sources where data was
 * found. Kept apart from the PDF rendering so the app can preview it and tests can read it.
 * A source without a record shows a visible placeholder: the letter never pretends.
 */
export function composeCoverLetter(input: CoverLetterInput): CoverLetter {
  const L = input.texts.letter;
  const files = dataFiles(input.texts, input.formats);
  const rights = fill(L.rights, { dataFiles: files });
  const foundIn = input.searchedSources.filter((s) => (input.includedBySource.get(s.id) ?? 0) > 0);

  const perSource = (pick: (p: Processing) => string | undefined): CoverLetterSection => {
    const section: CoverLetterSection = { paragraphs: [], placeholders: [] };
    for (const s of foundIn) {
      const value = s.processing ? pick(s.processing) : undefined;
      if (value && value.trim()) section.paragraphs.push(`${label(s)}: ${value}`);
      else {
        section.placeholders!.push(section.paragraphs.length);
        section.paragraphs.push(fill(L.placeholder, { source: label(s) }));
      }
    }
    return section;
  };
  const list = (field: ListField) => (p: Processing) => p[field]?.join(', ');
  const text = (field: TextField) => (p: Processing) => p[field];

  const name = input.subject.names[0];
  const sections: CoverLetterSection[] = [
    {
      paragraphs: [
        name ? fill(L.greeting, { name }) : L.greetingNoName,
        fill(L.intro, { sourceCount: input.searchedSources.length, identifiers: identifiersOf(input.subject) }),
        foundIn.length > 0 ? L.found : L.notFound,
      ],
    },
    searchedSection(input),
  ];
  if (foundIn.length > 0) {
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
      { heading: L.points.e, paragraphs: [rights] },
      { heading: L.points.f, paragraphs: [L.complaint] },
      { heading: L.points.g, ...perSource(text('origin')) },
      { heading: L.points.h, ...perSource(text('automatedDecisions')) },
      { heading: L.points.transfers, ...perSource(text('transfers')) },
    );
  } else {
    sections.push({ heading: L.points.e, paragraphs: [rights] }, { heading: L.points.f, paragraphs: [L.complaint] });
  }
  const withheld: CoverLetterSection = { paragraphs: [], placeholders: [] };
  if (input.withheld.thirdParty) withheld.paragraphs.push(L.thirdPartyWithheld);
  // Without eml no original is in the package, so none is "withheld" among the others.
  if (input.withheld.originals && input.formats.includes('eml')) withheld.paragraphs.push(fill(L.originalsWithheld, { dataFiles: files }));
  if (input.withheld.exempt) {
    withheld.placeholders!.push(withheld.paragraphs.length);
    withheld.paragraphs.push(L.exemptWithheld);
  }
  if (withheld.paragraphs.length > 0) sections.push(withheld);
  sections.push({
    heading: L.contentsTitle,
    paragraphs: forFormats(L.contents, input.formats).map((c) => fill(c, { letterFile: input.texts.fileName, readmeFile: input.texts.readmeName })),
  });
  sections.push({ heading: L.howToOpenTitle, paragraphs: [forFormats(L.howToOpen, input.formats).join(' ')] });
  sections.push({ paragraphs: [L.free] });
  return { lang: input.lang, title: L.title, meta: metaLines(input), sections, signature: signatureLines(input) };
}

/** Every source searched, including those where nothing was found or that failed (Art. 5(2)). */
function searchedSection(input: CoverLetterInput): CoverLetterSection {
  const L = input.texts.letter;
  const section: CoverLetterSection = { heading: L.searchedTitle, paragraphs: [], placeholders: [] };
  for (const s of input.searchedSources) {
    const result = input.results.find((r) => r.id === s.id);
    const count = input.includedBySource.get(s.id) ?? 0;
    if (result?.status === 'error') {
      section.placeholders!.push(section.paragraphs.length);
      section.paragraphs.push(fill(L.searchedFailed, { source: label(s) }));
    } else {
      section.paragraphs.push(fill(count > 0 ? L.searchedFound : L.searchedNothing, { source: label(s), count }));
    }
  }
  return section;
}

function metaLines(input: CoverLetterInput): string[] {
  const L = input.texts.letter;
  const c = input.controller;
  const date = input.date.toLocaleDateString(input.lang === 'nb' ? 'nb-NO' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return [
    `${L.controller}: ${[c.name, c.orgNumber ? `${L.orgNumber} ${c.orgNumber}` : null].filter(Boolean).join(', ')}`,
    ...(c.address ? [c.address] : []),
    ...(c.email ? [`${L.contact}: ${c.email}`] : []),
    `${L.date}: ${date}`,
    ...(input.caseRef ? [`${L.reference}: ${input.caseRef}`] : []),
  ];
}

function signatureLines(input: CoverLetterInput): string[] {
  const L = input.texts.letter;
  const c = input.controller;
  const dpo = [c.dpo?.name, c.dpo?.email].filter(Boolean).join(', ');
  return [
    L.closing,
    c.name,
    ...(c.orgNumber ? [`${L.orgNumber}: ${c.orgNumber}`] : []),
    ...(c.address ? [c.address] : []),
    ...(c.email ? [`${L.contact}: ${c.email}`] : []),
    ...(dpo ? [`${L.dpo}: ${dpo}`] : []),
  ];
}

function identifiersOf(subject: Subject): string {
  return [...subject.names, ...subject.emails, ...subject.phones, ...subject.nationalIds.map(maskNationalId), ...subject.others].join(
    ', ',
  );
}

/** The letter may travel by ordinary post: show only the birth date part of a national ID. */
function maskNationalId(id: string): string {
  const digits = id.replace(/\D/g, '');
  return digits.length === 11 ? `${digits.slice(0, 6)}*****` : id;
}
