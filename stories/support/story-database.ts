/**
 * The data every story starts from: the demo seed plus the scenarios the
 * demo lacks. One definition for the in-page server (browser-server.ts) and
 * for the story runner (test/e2e/stories.test.ts), which seeds it once in
 * Node and hands each page a dump of it instead of seeding in every page.
 */
import type { Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { addLargeInvoice, addUserWithoutScope } from '../../server/db/scenarios.js';
import { seedDemo } from '../../server/db/seed.js';

export async function seedStoryDatabase(db: Db, today: string): Promise<void> {
  await migrate(db);
  // Fewer PBKDF2 rounds than production: sign-ins in stories stay instant.
  await seedDemo(db, { today, passwordIterations: 1_000 });
  // Scenarios the demo data lacks, for the stories that need them.
  await addUserWithoutScope(db, 'newcomer1');
  await addLargeInvoice(db, '4R7X21', 3000);
}
