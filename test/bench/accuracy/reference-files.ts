import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpus, missingCorpus } from '../../helpers/corpora';
import type { AccuracyCase, Label } from './labels';

/** A tiny CSV line reader for labelling (Sakila's CSV has no quoted newlines). */
function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

/** Sakila as one CSV per table: MARY SMITH's customer row; her rentals and payments by customer_id. */
export function sakilaCase(): AccuracyCase | string {
  const missing = missingCorpus('sakila', 'csv', 'customer.csv');
  if (missing) return missing;
  const dir = corpus('sakila', 'csv');
  const labels = new Map<string, Label>();
  const byCustomer = (table: string, label: Label, column = 'customer_id') => {
    const [header, ...data] = rows(path.join(dir, `${table}.csv`));
    const col = header.indexOf(column);
    data.forEach((r, i) => {
      if (r[col] === '1') labels.set(`${table}#${i + 1}`, label);
    });
  };
  byCustomer('customer', 'subject');
  byCustomer('rental', 'subject-linked');
  byCustomer('payment', 'subject-linked');
  return {
    id: 'sakila',
    title: 'Sakila (CSV folder): MARY SMITH',
    source: {
      id: 'sakila',
      kind: 'csv',
      path: dir,
      links: [
        { from: 'rental.customer_id', to: 'customer.customer_id' },
        { from: 'payment.customer_id', to: 'customer.customer_id' },
      ],
    },
    subject: { names: ['Mary Smith'], emails: ['mary.smith@sakilacustomer.org'], phones: [], nationalIds: [], others: [] },
    labels,
    note: 'rentals and payments are reached through the declared links (issue 3, CSV related rows)',
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export interface EnronPerson {
  user: string;
  names: string[];
  emails: string[];
  /** How the Enron export writes the name in X-From/X-To/X-cc ("Kean, Steven J."). */
  xName: RegExp;
}

export const enronPeople: EnronPerson[] = [
  { user: 'kean-s', names: ['Steven Kean'], emails: ['steven.kean@enron.com', 'skean@enron.com', 'j..kean@enron.com'], xName: /\bkean,\s*steven\b|\bsteven\s+(j\.?\s+)?kean\b/i },
  // "Ken Lay" is how Enron's announcements sign: an alias the DPO confirms (issue 4 suggests it).
  { user: 'lay-k', names: ['Kenneth Lay', 'Ken Lay'], emails: ['kenneth.lay@enron.com', 'klay@enron.com', 'kenneth_lay@enron.com'], xName: /\blay,\s*kenneth\b|\bkenneth\s+(l\.?\s+)?lay\b|\bken\s+lay\b/i },
];

/**
 * The owner's inbox. A message is labelled the subject's when one of the given addresses is
 * in From/To/Cc/Bcc (or the export's X-From/X-To/X-cc/X-bcc) or the body, or those X-headers
 * name the person:
 * found by reading the raw files with simple string tests, not by the matcher. Messages that
 * reached the inbox without naming him (lists, Bcc) stay unlabelled and are reported apart.
 */
export function enronCase(person: EnronPerson): AccuracyCase | string {
  const missing = missingCorpus('enron-maildir', 'maildir', person.user, 'inbox');
  if (missing) return missing;
  const dir = corpus('enron-maildir', 'maildir', person.user, 'inbox');
  const labels = new Map<string, Label>();
  const addresses = person.emails.map((e) => e.toLowerCase());
  const hasAddress = (text: string) =>
    addresses.some((a) => {
      for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) if (!/[a-z0-9._%+-]/.test(text[i - 1] ?? ' ')) return true;
      return false;
    });
  for (const file of filesUnder(dir)) {
    const raw = readFileSync(path.join(dir, file), 'latin1');
    const split = raw.search(/\r?\n\r?\n/);
    const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
    const body = split < 0 ? '' : raw.slice(split).toLowerCase();
    const lines = head.split(/\r?\n/);
    const header = (names: string[]) => lines.filter((l) => names.some((n) => l.toLowerCase().startsWith(`${n}:`))).join('\n');
    const inAddressHeaders = hasAddress(header(['from', 'to', 'cc', 'bcc', 'x-from', 'x-to', 'x-cc', 'x-bcc']).toLowerCase());
    const inX = person.xName.test(header(['x-from', 'x-to', 'x-cc', 'x-bcc']));
    if (inAddressHeaders || inX || hasAddress(body)) labels.set(`${file}#`, 'subject');
  }
  return {
    id: `enron-${person.user}`,
    title: `Enron ${person.user}/inbox: ${person.names[0]}`,
    source: { id: `enron-${person.user}`, kind: 'mailbox', path: dir },
    subject: { names: person.names, emails: person.emails, phones: [], nationalIds: [], others: [] },
    labels,
    note: `${filesUnder(dir).length} messages in the inbox; unlabelled ones do not name him`,
  };
}
