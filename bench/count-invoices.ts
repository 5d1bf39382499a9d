/** Prints how many invoices Bench Co holds in the configured database (0 when there is none). */
import { openDatabase } from '../server/node.js';

const db = await openDatabase();
try {
  const [row] = await db
    .query<{ n: number }>(
      `select count(*)::int as n from invoices i join companies c on c.id = i.company_id where c.name = 'Bench Co'`,
    )
    .catch(() => [{ n: 0 }]);
  console.log(row?.n ?? 0);
} finally {
  await db.close();
}
