import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Language } from '../../../shared/contract';

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
    rights: z.string(),
    complaint: z.string(),
    noAutomated: z.string(),
    noTransfers: z.string(),
    thirdPartyWithheld: z.string(),
    exemptWithheld: z.string(),
    originalsWithheld: z.string(),
    searchedTitle: z.string(),
    searchedFound: z.string(),
    searchedNothing: z.string(),
    searchedFailed: z.string(),
    howToOpenTitle: z.string(),
    howToOpen: z.string(),
    contentsTitle: z.string(),
    contents: z.array(z.string()),
    free: z.string(),
    closing: z.string(),
    controller: z.string(),
    orgNumber: z.string(),
    contact: z.string(),
    dpo: z.string(),
  }),
  readme: z.array(z.string()),
  xlsx: z.object({
    overview: z.string(), source: z.string(), kind: z.string(), status: z.string(), scanned: z.string(),
    hits: z.string(), included: z.string(), categories: z.string(), confidence: z.string(), reasons: z.string(),
    messages: z.string(), date: z.string(), from: z.string(), to: z.string(), cc: z.string(),
    subjectLine: z.string(), file: z.string(), location: z.string(), redacted: z.string(), table: z.string(),
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
