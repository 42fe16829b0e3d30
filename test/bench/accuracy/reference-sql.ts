import Database from 'better-sqlite3';
import { corpus, missingCorpus } from '../../helpers/corpora';
import { rowKey, type AccuracyCase, type Label } from './labels';

/** Labels from the database itself with plain SQL, independent of the matcher. */
function labelRows(file: string, queries: Array<{ table: string; sql: string; label: Label }>): Map<string, Label> {
  const db = new Database(file, { readonly: true });
  try {
    const labels = new Map<string, Label>();
    for (const q of queries) {
      for (const row of db.prepare(q.sql).all() as Array<Record<string, string | number>>) labels.set(rowKey(q.table, row), q.label);
    }
    return labels;
  } finally {
    db.close();
  }
}

/** The public worked example: Bjørn Hansen, his Customer row, 7 invoices and their 38 lines. */
export function chinookCase(): AccuracyCase | string {
  const missing = missingCorpus('chinook', 'Chinook_Sqlite.sqlite');
  if (missing) return missing;
  const file = corpus('chinook', 'Chinook_Sqlite.sqlite');
  return {
    id: 'chinook',
    title: 'Chinook (SQLite): Bjørn Hansen',
    source: { id: 'chinook', kind: 'sqlite', path: file },
    subject: { names: ['Bjørn Hansen'], emails: ['bjorn.hansen@yahoo.no'], phones: [], nationalIds: [], others: [] },
    labels: labelRows(file, [
      { table: 'Customer', sql: "SELECT CustomerId FROM Customer WHERE Email = 'bjorn.hansen@yahoo.no'", label: 'subject' },
      { table: 'Invoice', sql: 'SELECT InvoiceId FROM Invoice WHERE CustomerId = 4', label: 'subject-linked' },
      { table: 'InvoiceLine', sql: 'SELECT InvoiceLineId FROM InvoiceLine WHERE InvoiceId IN (SELECT InvoiceId FROM Invoice WHERE CustomerId = 4)', label: 'subject-linked' },
    ]),
    note: 'invoices and invoice lines are reached through foreign keys (issue 3)',
  };
}

/** Northwind's contact Maria Anders (customer ALFKI), given by name and her Berlin phone number. */
export function northwindCase(): AccuracyCase | string {
  const missing = missingCorpus('northwind', 'northwind.sqlite');
  if (missing) return missing;
  const file = corpus('northwind', 'northwind.sqlite');
  return {
    id: 'northwind',
    title: 'Northwind (SQLite): Maria Anders, ALFKI',
    source: { id: 'northwind', kind: 'sqlite', path: file },
    subject: { names: ['Maria Anders'], emails: [], phones: ['+49 30 0074321'], nationalIds: [], others: [] },
    labels: labelRows(file, [
      { table: 'Customers', sql: "SELECT CustomerID FROM Customers WHERE CustomerID = 'ALFKI'", label: 'subject' },
      { table: 'Orders', sql: "SELECT OrderID FROM Orders WHERE CustomerID = 'ALFKI'", label: 'subject-linked' },
      { table: 'Order Details', sql: "SELECT OrderID, ProductID FROM \"Order Details\" WHERE OrderID IN (SELECT OrderID FROM Orders WHERE CustomerID = 'ALFKI')", label: 'subject-linked' },
    ]),
    note: 'orders and order lines are reached through foreign keys (issue 3)',
  };
}
