import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/cases/canonical-json';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { fixedClock } from '../../electron/core/cases/clock';
import { DB_FILE, openStore } from '../../electron/core/store/store';
import { tempDir } from '../helpers/temp';

function caseWithTrail() {
  const dir = tempDir();
  const db = openStore(dir);
  const reg = new CaseRegister(db, fixedClock('2026-03-03'));
  const c = reg.create({ subject: { names: ['Kari Nordmann'], emails: ['kari@example.no'] }, channel: 'email', received: '2026-03-03' });
  reg.verify(c.ref, { method: 'BankID-signed e-mail', by: 'DPO' });
  reg.extend(c.ref, 'many systems', '2026-03-10');
  db.close();
  return { dir, ref: c.ref };
}

/** Opens the file directly, as someone with access to the disk would, bypassing the app. */
function tamper(dir: string, sql: string) {
  const raw = new Database(path.join(dir, DB_FILE));
  raw.exec('DROP TRIGGER IF EXISTS audit_entry_no_update; DROP TRIGGER IF EXISTS audit_entry_no_delete;');
  raw.exec(sql);
  raw.close();
}

function verify(dir: string, ref: string) {
  const db = openStore(dir);
  try {
    return new CaseRegister(db).verifyAudit(ref);
  } finally {
    db.close();
  }
}

describe('canonical JSON', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } }));
  });
});

describe('the audit trail', () => {
  it('chains each entry to the one before and verifies when untouched', () => {
    const { dir, ref } = caseWithTrail();
    const db = openStore(dir);
    const entries = new CaseRegister(db).auditEntries(ref);
    db.close();
    expect(entries.map((e) => e.event)).toEqual(['case-created', 'identity-verified', 'extension']);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries[2].prevHash).toBe(entries[1].hash);
    expect(verify(dir, ref)).toEqual({ ok: true, entries: 3, problems: [] });
  });

  it('refuses ordinary updates and deletes in the database itself', () => {
    const { dir } = caseWithTrail();
    const raw = new Database(path.join(dir, DB_FILE));
    expect(() => raw.exec("UPDATE audit_entry SET event = 'closed' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM audit_entry WHERE seq = 3')).toThrow(/append-only/);
    raw.close();
  });

  it('detects an edited entry', () => {
    const { dir, ref } = caseWithTrail();
    tamper(dir, `UPDATE audit_entry SET data_json = replace(data_json, 'BankID-signed e-mail', 'passport') WHERE seq = 2`);
    const result = verify(dir, ref);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain('entry 2 (identity-verified) was changed after it was written');
  });

  it('detects an entry removed from the middle', () => {
    const { dir, ref } = caseWithTrail();
    tamper(dir, 'DELETE FROM audit_entry WHERE seq = 2');
    const result = verify(dir, ref);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/entry 2 is missing/);
  });

  it('detects the last entry removed, and a rewritten tail', () => {
    const { dir, ref } = caseWithTrail();
    tamper(dir, 'DELETE FROM audit_entry WHERE seq = 3');
    expect(verify(dir, ref).problems.join('\n')).toMatch(/records 3 entries but 2 are present/);

    const again = caseWithTrail();
    // Recomputing one entry's hash is not enough: the next entry still points at the old one.
    tamper(again.dir, `UPDATE audit_entry SET hash = 'f00d' WHERE seq = 2`);
    expect(verify(again.dir, again.ref).problems.join('\n')).toMatch(/entry 3 does not follow/);
  });
});
