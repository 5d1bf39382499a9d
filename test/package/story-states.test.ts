/**
 * Every element has stories for the states users meet: loading, a server
 * error, each role its view depends on, French, dark, and empty where it
 * shows a list. test/e2e/stories.test.ts then runs each story in Chromium.
 *
 * The rule is on the names of a story file's exports, so the sidebar tells
 * a reader the same thing this test checks:
 *
 * | state         | an export whose name matches                     |
 * |---------------|--------------------------------------------------|
 * | loading       | /Loading/                                        |
 * | server error  | /Error/                                          |
 * | French        | /French/                                         |
 * | dark          | /Dark/ — and the story sets `theme: 'dark'`      |
 * | empty         | /Empty/ (elements that show a list)              |
 * | each role     | /Administrator/, /Manager/, /Payer/, /Viewer/    |
 *
 * A role story signs in as a user of that role (`parameters.billing.user`),
 * and a French story sets `locale: 'fr'`; the checks below read that from
 * the source, not from the name alone. STATES says which rows apply to which
 * element and why some do not.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

type State = 'loading' | 'error' | 'french' | 'dark' | 'empty' | 'roles';

const ALL: readonly State[] = ['loading', 'error', 'french', 'dark', 'empty', 'roles'];
const NO_LIST: readonly State[] = ['loading', 'error', 'french', 'dark', 'roles'];

/** Per element (its tag without `ups-`), the states its stories must show; reasons for those left out. */
const STATES: Record<string, { file: string; states: readonly State[] }[]> = {
  accounts: [{ file: 'accounts', states: ALL }],
  autopay: [{ file: 'autopay', states: ALL }],
  'billing-dashboard': [{ file: 'billing-dashboard', states: NO_LIST }],
  // Renders nothing of its own: its stories show what the elements inside do with each session state.
  'billing-provider': [{ file: 'billing-provider', states: [] }],
  // Disputes one invoice, no list; a viewer is refused, administrators, managers and payers dispute.
  'dispute-form': [{ file: 'dispute-form', states: NO_LIST }],
  'dispute-list': [{ file: 'dispute-list', states: ALL }],
  // Nobody is signed in yet: no role applies.
  enrollment: [{ file: 'enrollment', states: ['loading', 'error', 'french', 'dark'] }],
  // One account's settings and its list of exceptions; Empty is a user with no account to show.
  'inbound-charges': [{ file: 'inbound-charges', states: ALL }],
  'invoice-detail': [{ file: 'invoice-detail', states: NO_LIST }],
  'invoice-table': [{ file: 'invoice-table', states: ALL }],
  // The cart is the list; a guest has no role.
  'pay-form': [
    { file: 'pay-form', states: ALL },
    { file: 'pay-form-guest', states: ['loading', 'error', 'french', 'dark'] },
  ],
  'payment-activity': [{ file: 'payment-activity', states: ALL }],
  'user-admin': [{ file: 'user-admin', states: ALL }],
  wallet: [{ file: 'wallet', states: ALL }],
};

const ROLES = {
  Administrator: ['admin1', 'northwind-admin'],
  Manager: ['manager1'],
  Payer: ['payer1'],
  Viewer: ['viewer1'],
} as const;

interface StoryExport {
  name: string;
  /** The export's source, up to the next export. */
  source: string;
}

/** A story file's named exports with their source text: no import, so no browser is needed. */
function exportsOf(file: string): StoryExport[] {
  const text = readFileSync(`stories/${file}.stories.ts`, 'utf8');
  const starts = [...text.matchAll(/^export const (\w+)\b/gm)];
  return starts.map((match, i) => ({
    name: match[1]!,
    source: text.slice(match.index, starts[i + 1]?.index ?? text.length),
  }));
}

/** What `{ ...Other, … }` inherits: a story built on another counts that one's source too. */
function withSpread(stories: StoryExport[], story: StoryExport): string {
  const spread = [...story.source.matchAll(/\.\.\.(\w+)\b/g)].map((m) => m[1]);
  const base = stories.filter((s) => spread.includes(s.name)).map((s) => withSpread(stories, s));
  return [story.source, ...base].join('\n');
}

function missingStates(file: string, states: readonly State[], metaSource: string): string[] {
  const stories = exportsOf(file);
  const named = (pattern: RegExp) => stories.filter((s) => pattern.test(s.name));
  const missing: string[] = [];
  if (states.includes('loading') && !named(/Loading/).length) missing.push('Loading');
  if (states.includes('error') && !named(/Error/).length) missing.push('…Error');
  if (states.includes('empty') && !named(/Empty/).length) missing.push('Empty');
  if (states.includes('french')) {
    const french = named(/French/);
    if (!french.some((s) => /locale(: |=")'?fr/.test(withSpread(stories, s)))) missing.push('French (locale fr)');
  }
  if (states.includes('dark')) {
    const dark = named(/Dark/);
    if (!dark.some((s) => /theme: 'dark'/.test(withSpread(stories, s)))) missing.push("Dark (theme: 'dark')");
  }
  if (states.includes('roles')) {
    for (const [role, users] of Object.entries(ROLES)) {
      const signsIn = (s: StoryExport) => {
        const source = withSpread(stories, s);
        const user = /user: '([\w-]+)'/.exec(source)?.[1] ?? /user: '([\w-]+)'/.exec(metaSource)?.[1] ?? 'admin1';
        return (users as readonly string[]).includes(user);
      };
      if (!named(new RegExp(role)).some(signsIn)) missing.push(`${role} (signed in as ${users.join(' or ')})`);
    }
  }
  return missing;
}

test('every element has its story files', () => {
  const tags = readdirSync('src')
    .filter((f) => /^ups-.+\.ts$/.test(f))
    .map((f) => f.slice(4, -3))
    .sort();
  assert.deepEqual(Object.keys(STATES).sort(), tags);
  // Other story files may exist (theming shows several elements at once); each element's must.
  const files = readdirSync('stories').filter((f) => f.endsWith('.stories.ts'));
  for (const { file } of Object.values(STATES).flat()) assert.ok(files.includes(`${file}.stories.ts`), file);
});

for (const [element, files] of Object.entries(STATES)) {
  for (const { file, states } of files) {
    test(`stories/${file}.stories.ts shows <ups-${element}> in every state`, () => {
      const text = readFileSync(`stories/${file}.stories.ts`, 'utf8');
      const meta = text.slice(text.indexOf('const meta'), text.indexOf('export default meta'));
      assert.deepEqual(missingStates(file, states, meta), []);
    });
  }
}
