/**
 * `npm run ops -- <command> [options]`: operations on the reference server's
 * database (the same one `npm start` uses: `.data/pglite`, `DATA_DIR` or
 * `DATABASE_URL`). Safe beside running servers: every command claims its
 * rows the way the servers do.
 *
 *   run-payments [--date YYYY-MM-DD]   run scheduled payments due that day, settle bank debits,
 *                                      finish payments a crashed server left half-way
 */
import { parseArgs } from 'node:util';
import { createServices } from '../server/app.js';
import { migrate } from '../server/db/migrate.js';
import { openDatabase } from '../server/node.js';
import { runScheduler } from '../server/payments/scheduler.js';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({ args: rest, options: { date: { type: 'string' } }, allowPositionals: false });
const date = values.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error('--date must be YYYY-MM-DD');
  process.exit(2);
}

const db = await openDatabase();
try {
  await migrate(db);
  // The command acts as of --date: the scheduler's "today" is that day.
  const services = createServices({ db, now: () => new Date(`${date}T12:00:00Z`) });
  switch (command) {
    case 'run-payments': {
      const run = await runScheduler(services, date);
      console.log(
        `${date}: ${run.charged} scheduled payment(s) run, ${run.settled} bank debit(s) settled, ${run.recovered} recovered.`,
      );
      break;
    }
    default:
      console.error(`Unknown command "${command ?? ''}". Commands: run-payments.`);
      process.exitCode = 2;
  }
} finally {
  await db.close();
}
