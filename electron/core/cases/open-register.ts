import type Database from 'better-sqlite3';
import { openStore } from '../store/store';
import { CaseRegister } from './case-register';
import { systemClock, type Clock } from './clock';
import { purgeExpired, type PurgeReport } from './retention';

export interface OpenRegister {
  db: Database.Database;
  register: CaseRegister;
  purged: PurgeReport[];
  close(): void;
}

/** Opens the case register in `dataDir` and applies the retention rule before anything else. */
export function openCaseRegister(dataDir: string, clock: Clock = systemClock, purge = true): OpenRegister {
  const db = openStore(dataDir);
  try {
    const register = new CaseRegister(db, clock);
    const purged = purge ? purgeExpired(register) : [];
    return { db, register, purged, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Runs `work` with the register open, closing the database however it ends. */
export async function withCaseRegister<T>(dataDir: string, work: (reg: CaseRegister) => Promise<T> | T, clock: Clock = systemClock): Promise<T> {
  const open = openCaseRegister(dataDir, clock);
  try {
    return await work(open.register);
  } finally {
    open.close();
  }
}
