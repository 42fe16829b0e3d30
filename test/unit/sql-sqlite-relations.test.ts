import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../shared/hit';
import type { SourceConfig } from '../../shared/workspace';
import { prepareSubject } from '../../electron/core/match/prepare';
import { runSearch } from '../../electron/core/search/run-search';
import type { RelatedRecord, ScanContext, SourceRecord } from '../../electron/core/sources/source';
import { SqliteSource } from '../../electron/core/sources/sql/sqlite-source';
import { tempDir } from '../helpers/temp';

/**
 * A small shop with every shape the relation walk must handle: a chain four levels deep
 * (person → account → visit → click), a parent (person.manager_id → manager), a self
 * reference (person.referred_by → person) and a cycle between two tables (ticket ↔ reply).
 */
function shopDb(): string {
  const file = path.join(tempDir(), 'shop.sqlite');
  const db = new Database(file);
  db.exec(`
    PRAGMA foreign_keys = OFF;
    CREATE TABLE manager (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
    CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, email TEXT,
      manager_id INTEGER REFERENCES manager(id), referred_by INTEGER REFERENCES person(id));
    CREATE TABLE account (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id), plan TEXT);
    CREATE TABLE visit (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES account(id), at TEXT);
    CREATE TABLE click (id INTEGER PRIMARY KEY, visit_id INTEGER REFERENCES visit(id), url TEXT);
    CREATE TABLE ticket (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id), last_reply INTEGER REFERENCES reply(id));
    CREATE TABLE reply (id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES ticket(id), body TEXT);
    CREATE TABLE loyalty (member_no TEXT, points INTEGER);
    CREATE TABLE "Order ""Lines""" ("line-no" INTEGER PRIMARY KEY, "e-mail" TEXT, "select" TEXT);
    INSERT INTO manager VALUES (1, 'Kari Sjef', 'kari.sjef@example.no');
    INSERT INTO person VALUES (1, 'BJØRN ÅSE', 'bjorn.ase@example.no', 1, NULL);
    INSERT INTO person VALUES (2, 'Ola Nordmann', 'ola@example.no', 1, 1);
    INSERT INTO account VALUES (10, 1, 'gold'), (11, 2, 'basic');
    INSERT INTO visit VALUES (100, 10, '2024-01-01'), (101, 10, '2024-01-02'), (102, 11, '2024-01-03');
    INSERT INTO click VALUES (1000, 100, '/a'), (1001, 101, '/b'), (1002, 102, '/c');
    INSERT INTO ticket VALUES (50, 1, 501);
    INSERT INTO reply VALUES (500, 50, 'first'), (501, 50, 'second');
    INSERT INTO loyalty VALUES ('M-77', 120);
    INSERT INTO "Order ""Lines""" VALUES (1, 'bjorn.ase@example.no', 'x');
  `);
  const insert = db.transaction(() => {
    for (let i = 3; i < 500; i++) db.prepare('INSERT INTO person (id, name, email) VALUES (?, ?, ?)').run(i, `Person ${i}`, `p${i}@example.no`);
  });
  insert();
  db.close();
  return file;
}

const config = (file: string, extra: Partial<Extract<SourceConfig, { kind: 'sqlite' }>> = {}): Extract<SourceConfig, { kind: 'sqlite' }> => ({
  id: 'shop',
  kind: 'sqlite',
  path: file,
  ...extra,
});

function context(problems: string[] = [], progress: number[] = []): ScanContext {
  return { signal: new AbortController().signal, onProgress: (p) => progress.push(p.scanned), problem: (m) => problems.push(m) };
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const tableOf = (r: SourceRecord | Hit) => ('table' in r.location ? r.location.table : '');

describe('SQLite push-down search', () => {
  it('returns only candidate rows from the engine but counts every row as searched', async () => {
    const source = new SqliteSource(config(shopDb()));
    const progress: number[] = [];
    const subject = prepareSubject({ names: [], emails: ['bjorn.ase@example.no'], phones: [], nationalIds: [], others: [] });
    const rows = await all(source.scan(subject, context([], progress)));
    await source.close();
    expect(rows.map(tableOf).sort()).toEqual(['Order "Lines"', 'person']);
    expect(progress.at(-1)).toBe(1 + 499 + 2 + 3 + 3 + 1 + 2 + 1 + 1);
  });

  it('folds non-ASCII case like the matcher does (SQLite’s own lower() would miss "BJØRN")', async () => {
    const source = new SqliteSource(config(shopDb()));
    const subject = prepareSubject({ names: ['bjørn åse'], emails: [], phones: [], nationalIds: [], others: [] });
    const rows = await all(source.scan(subject, context()));
    await source.close();
    expect(rows.find((r) => tableOf(r) === 'person')?.fields.name).toBe('BJØRN ÅSE');
  });

  it('quotes odd table and column names and never splices values into SQL', async () => {
    const source = new SqliteSource(config(shopDb()));
    const subject = prepareSubject({ names: [], emails: [], phones: [], nationalIds: [], others: ["x' OR 1=1 --", 'M-77'] });
    const rows = await all(source.scan(subject, context()));
    await source.close();
    expect(rows.map(tableOf)).toEqual(['loyalty']);
    expect(rows[0].location).toEqual({ table: 'loyalty', key: { rowid: 1 } });
  });
});

describe('related rows through foreign keys', () => {
  const subject = { names: [], emails: ['bjorn.ase@example.no'], phones: [], nationalIds: [], others: [] };

  it('follows children transitively, once each, through a cycle, and never pulls in parents', async () => {
    const result = await runSearch({ sources: [config(shopDb())], subject });
    expect(result.sources[0].status).toBe('ok');
    const byTable = (t: string) => result.hits.filter((h) => tableOf(h) === t);
    const person = byTable('person');
    expect(person).toHaveLength(1);
    expect(byTable('account').map((h) => h.location)).toEqual([{ table: 'account', key: { id: 10 } }]);
    expect(byTable('visit')).toHaveLength(2);
    expect(byTable('click')).toHaveLength(2); // three steps away: within the default depth
    // ticket ↔ reply is a cycle: each row comes once and the walk ends.
    expect(byTable('ticket')).toHaveLength(1);
    expect(byTable('reply')).toHaveLength(2);
    // The manager the person points at is someone else; so is the account of Ola (another person).
    expect(byTable('manager')).toHaveLength(0);
    expect(result.hits.some((h) => tableOf(h) === 'account' && 'key' in h.location && h.location.key.id === 11)).toBe(false);
    // person.referred_by points at another person: a self reference links people, not data.
    expect(result.hits.some((h) => h.record.name === 'Ola Nordmann')).toBe(false);
    for (const h of result.hits.filter((x) => x.relatedTo)) expect(h.reasons[0]).toMatch(/^Linked to shop-\w+ through /);
  });

  it('marks a child row that holds another person’s identifiers, and the rows below it, as third party', async () => {
    const file = shopDb();
    const db = new Database(file);
    // A shared account: the row holds a co-owner's e-mail, so it is not only the subject's.
    db.exec("ALTER TABLE account ADD COLUMN co_owner TEXT; UPDATE account SET co_owner = 'eva@example.no' WHERE id = 10");
    db.close();
    const result = await runSearch({ sources: [config(file)], subject });
    const account = result.hits.find((h) => tableOf(h) === 'account')!;
    expect(account).toMatchObject({ thirdParty: true, confidence: 'medium' });
    const visits = result.hits.filter((h) => tableOf(h) === 'visit');
    expect(visits).toHaveLength(2);
    for (const v of visits) expect(v).toMatchObject({ thirdParty: true, relatedTo: account.id });
  });

  it('stops at the depth limit and says so', async () => {
    const source = new SqliteSource(config(shopDb()), { maxDepth: 2 });
    const problems: string[] = [];
    const ctx = context(problems);
    const s = prepareSubject(subject);
    const matched = (await all(source.scan(s, ctx))).filter((r) => tableOf(r) === 'person');
    const related: RelatedRecord[] = await all(source.related(matched, ctx));
    await source.close();
    const tables = related.map(tableOf);
    expect(tables).toContain('visit');
    expect(tables).not.toContain('click');
    expect(problems.join()).toMatch(/followed 2 steps/);
    // Every related row says where it came from and how.
    const visit = related.find((r) => tableOf(r) === 'visit')!;
    expect(visit.from).toEqual({ table: 'account', key: { id: 10 } });
    expect(visit.via).toBe('visit.account_id → account.id');
  });

  it('follows declared links the schema does not know, and leaves out excluded tables and columns', async () => {
    const file = shopDb();
    const result = await runSearch({
      sources: [
        config(file, {
          links: [{ from: 'loyalty.member_no', to: 'person.email' }],
          exclude: { tables: ['ticket'], columns: ['person.manager_id', 'visit.at'] },
        }),
      ],
      subject,
    });
    const person = result.hits.find((h) => tableOf(h) === 'person')!;
    expect(Object.keys(person.record)).not.toContain('manager_id');
    expect(result.hits.some((h) => tableOf(h) === 'ticket' || tableOf(h) === 'reply')).toBe(false);
    const visit = result.hits.find((h) => tableOf(h) === 'visit')!;
    expect(Object.keys(visit.record)).toEqual(['id', 'account_id']);
    expect(result.sources[0].status).toBe('ok');
  });

  it('reports a link to a missing column instead of guessing, and the search is partial', async () => {
    const result = await runSearch({
      sources: [config(shopDb(), { links: [{ from: 'loyalty.member', to: 'person.email' }], exclude: { tables: ['nope'] } })],
      subject,
    });
    expect(result.sources[0].status).toBe('partial');
    expect(result.sources[0].problems?.join('\n')).toMatch(/link loyalty\.member → person\.email was not followed/);
    expect(result.sources[0].problems?.join('\n')).toMatch(/"nope" in exclude was not found/);
  });
});

describe('composite keys', () => {
  it('follows a two-column foreign key to the rows that match on both columns', async () => {
    const file = path.join(tempDir(), 'composite.sqlite');
    const db = new Database(file);
    db.exec(`
      PRAGMA foreign_keys = OFF;
      CREATE TABLE member (id INTEGER PRIMARY KEY, email TEXT);
      CREATE TABLE line (member_id INTEGER REFERENCES member(id), no INTEGER, PRIMARY KEY (member_id, no));
      CREATE TABLE line_note (id INTEGER PRIMARY KEY, member_id INTEGER, no INTEGER, note TEXT,
        FOREIGN KEY (member_id, no) REFERENCES line (member_id, no));
      INSERT INTO member VALUES (1, 'bjorn.ase@example.no'), (2, 'ola@example.no');
      INSERT INTO line VALUES (1, 1), (1, 2), (2, 1);
      INSERT INTO line_note VALUES (10, 1, 2, 'mine'), (11, 2, 1, 'not mine'), (12, 2, 2, 'orphan');
    `);
    db.close();
    const result = await runSearch({ sources: [config(file)], subject: { names: [], emails: ['bjorn.ase@example.no'], phones: [], nationalIds: [], others: [] } });
    expect(result.hits.filter((h) => tableOf(h) === 'line').map((h) => h.location)).toEqual([
      { table: 'line', key: { member_id: 1, no: 1 } },
      { table: 'line', key: { member_id: 1, no: 2 } },
    ]);
    const notes = result.hits.filter((h) => tableOf(h) === 'line_note');
    expect(notes.map((h) => h.record.note)).toEqual(['mine']);
    expect(notes[0].reasons[0]).toMatch(/line_note\.member_id\+no → line\.member_id\+no/);
  });
});

describe('read-only', () => {
  it('refuses a write through the search session', async () => {
    const source = new SqliteSource(config(shopDb()));
    const session = await source.session();
    await expect(all(session.rows("UPDATE person SET name = 'x'", []))).rejects.toThrow(/readonly|read-only/i);
    await source.close();
  });
});
