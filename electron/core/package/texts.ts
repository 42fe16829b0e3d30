import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Language } from '../../../shared/contract';
import { PackageFormatSchema, type PackageFormat } from '../../../shared/package-formats';

/**
 * A line of text, or one that is shown only when the package holds a format (`only`), so the
 * letter and readme never mention a file that is not in the package.
 */
const FormatTextSchema = z.union([z.string(), z.object({ only: PackageFormatSchema, text: z.string() }).strict()]);
type FormatText = z.infer<typeof FormatTextSchema>;

/**
 * Every sentence the package shows the data subject lives in resources/cover-letter/<lang>.json,
 * so a DPO or lawyer can edit the wording without touching code.
 */
const TextsSchema = z.object({
  fileName: z.string().min(1),
  readmeName: z.string().min(1),
  /** Replaces a redacted value or text span, visibly. */
  redactedMark: z.string().min(1),
  letter: z.object({
    title: z.string(),
    reference: z.string(),
    date: z.string(),
    greeting: z.string(),
    greetingNoName: z.string(),
    intro: z.string(),
    found: z.string(),
    notFound: z.string(),
    placeholder: z.string(),
    points: z.object({
      a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(),
      f: z.string(), g: z.string(), h: z.string(), transfers: z.string(),
    }),
    legalBasis: z.string(),
    /** Mentions {dataFiles}, like originalsWithheld. */
    rights: z.string(),
    /** Joins the last two data files in {dataFiles}. */
    and: z.string(),
    complaint: z.string(),
    noAutomated: z.string(),
    noTransfers: z.string(),
    thirdPartyWithheld: z.string(),
    exemptWithheld: z.string(),
    /** Mentions {dataFiles}: the data files the package holds (data.json, data.xlsx). */
    originalsWithheld: z.string(),
    searchedTitle: z.string(),
    searchedFound: z.string(),
    searchedNothing: z.string(),
    searchedFailed: z.string(),
    howToOpenTitle: z.string(),
    /** Sentences of one paragraph. */
    howToOpen: z.array(FormatTextSchema),
    contentsTitle: z.string(),
    contents: z.array(FormatTextSchema),
    free: z.string(),
    closing: z.string(),
    controller: z.string(),
    orgNumber: z.string(),
    contact: z.string(),
    dpo: z.string(),
  }),
  readme: z.array(FormatTextSchema),
  xlsx: z.object({
    overview: z.string(), source: z.string(), kind: z.string(), status: z.string(), scanned: z.string(),
    hits: z.string(), included: z.string(), categories: z.string(), confidence: z.string(), reasons: z.string(),
    messages: z.string(), date: z.string(), from: z.string(), to: z.string(), cc: z.string(),
    subjectLine: z.string(), file: z.string(), location: z.string(), redacted: z.string(), table: z.string(),
    /** The word in a location cell between a table and its line number: "kunde linje 12". */
    line: z.string().min(1),
    /**
     * What the confidence column shows for each level. data.json keeps the raw enum value for
     * machines; the spreadsheet is read by the data subject, so it speaks the package language.
     */
    confidenceLevels: z.object({ high: z.string().min(1), medium: z.string().min(1), low: z.string().min(1) }),
  }),
});
export type PackageTexts = z.infer<typeof TextsSchema>;

export async function loadTexts(resourcesDir: string, lang: Language): Promise<PackageTexts> {
  const file = path.join(resourcesDir, 'cover-letter', `${lang}.json`);
  return TextsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Replaces {name} placeholders; unknown ones are left visible so a template error shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The lines that apply to a package holding these formats, in their written order. */
export function forFormats(lines: readonly FormatText[], formats: readonly PackageFormat[]): string[] {
  return lines.flatMap((l) => (typeof l === 'string' ? [l] : formats.includes(l.only) ? [l.text] : []));
}

/** "data.json and data.xlsx", or the one of them the package holds. */
export function dataFiles(texts: PackageTexts, formats: readonly PackageFormat[]): string {
  const files = [formats.includes('json') ? 'data.json' : null, formats.includes('xlsx') ? 'data.xlsx' : null].filter((f) => f !== null);
  return files.join(` ${texts.letter.and} `);
}

/** README.txt for a package holding these formats (CRLF, so Notepad shows the lines). */
export function composeReadme(texts: PackageTexts, formats: readonly PackageFormat[]): string {
  const lines = forFormats(texts.readme, formats).map((l) => fill(l, { letterFile: texts.fileName, redactedMark: texts.redactedMark }));
  return `${lines.join('\r\n')}\r\n`;
}
