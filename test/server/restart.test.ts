/**
 * `npm start` on the embedded database: the data folder is created on the
 * first start, migrated and seeded; a restart keeps the data, seeds nothing
 * more, and honours tokens issued before it (the signing key is stored too).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../server/db/seed.js';

const dataDir = join(mkdtempSync(join(tmpdir(), 'ups-restart-')), 'pglite');

async function start(port: number): Promise<{ child: ChildProcess; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 600 && !output.includes('Stop with Ctrl+C'); i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output };
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the embedded database across restarts', { skip: Boolean(process.env['DATABASE_URL']) }, () => {
  after(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  test('is created and seeded once, then kept', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const api = `http://127.0.0.1:${port}/api/v1`;
    const first = await start(port);
    assert.match(first.output, /Database: pglite, demo data seeded/);
    assert.match(first.output, new RegExp(`http://localhost:${port}/`));
    assert.match(first.output, /admin1 +administrator/);
    const signIn = await fetch(`${api}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'payer1', password: DEMO_PASSWORD }),
    });
    const { token } = await signIn.json();
    const before = await (
      await fetch(`${api}/invoices?status=all&pageSize=1`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    assert.equal(await stop(first.child), 0);

    const second = await start(port);
    try {
      assert.doesNotMatch(second.output, /demo data seeded/);
      const response = await fetch(`${api}/invoices?status=all&pageSize=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200, 'a token from before the restart is still valid');
      assert.equal((await response.json()).total, before.total);
    } finally {
      assert.equal(await stop(second.child), 0);
    }
  });
});
