/**
 * Seeded scenarios beyond the demo data, written into a real database with
 * the server's own tables: used by browser tests and by stories alike, so
 * that an edge case is real data, never a hand-made response.
 */
import { hashPassword } from '../domain/passwords.js';
import type { Db } from './db.js';
import { DEMO_PASSWORD } from './seed.js';

/** Adds an invoice with `shipments` shipments (two charge lines each) to an account; returns its number. */
export async function addLargeInvoice(db: Db, accountNumber: string, shipments: number): Promise<string> {
  return db.transaction(async (tx) => {
    const [account] = await tx.query<{ id: string; company_id: string; currency: string; plan_id: string | null }>(
      'select id, company_id, currency, plan_id from accounts where number = $1',
      [accountNumber],
    );
    const number = `${accountNumber}BIG${String(shipments).padStart(3, '0')}`.slice(0, 24);
    const [invoice] = await tx.query<{ id: number }>(
      `insert into invoices (company_id, account_id, account_number, plan_id, number, invoice_date, due_date, type,
                             currency, amount, amount_due, status)
       values ($1, $2, $3, $4, $5, current_date - 3, current_date + 12, 'delivery_service', $6, $7, $7, 'open')
       returning id`,
      [account!.company_id, account!.id, accountNumber, account!.plan_id, number, account!.currency, shipments * 1_160],
    );
    await tx.query(
      `insert into shipments (invoice_id, tracking_number, ship_date, service, billed_weight, weight_unit,
                              sender_city, sender_country, receiver_city, receiver_country)
       select $1, '1Z' || $2 || lpad(n::text, 10, '0'), current_date - 5, 'UPS Ground', 2.5, 'lb',
              'Atlanta', 'US', 'Chicago', 'US'
         from generate_series(1, $3) n`,
      [invoice!.id, accountNumber, shipments],
    );
    await tx.query(
      `insert into charges (invoice_id, shipment_id, code, description, amount)
       select $1, s.id, c.code, c.description, c.amount
         from shipments s
         cross join (values ('freight', 'Transportation', 1000), ('fuel_surcharge', 'Fuel surcharge', 160)) c(code, description, amount)
        where s.invoice_id = $1`,
      [invoice!.id],
    );
    return number;
  });
}

/**
 * Adds a Demo Co user with no accounts in scope (password `demo-password`):
 * every list it sees is empty, the honest way to show empty states.
 */
export async function addUserWithoutScope(db: Db, userId: string): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD, 1_000);
  await db.query(
    `insert into users (company_id, user_id, email, name, role, password_hash)
     select id, $1, $1 || '@demo-co.example', 'New Colleague', 'viewer', $2 from companies where name = 'Demo Co'
     on conflict do nothing`,
    [userId, hash],
  );
}
