/**
 * The React and Vue typings (src/frameworks/react.ts, vue.ts) are generated
 * from custom-elements.json. This test fails when they are stale, when they
 * leave out a tag, property, attribute or event the manifest lists, and when
 * they stop catching a host's mistakes: it type-checks host code against them
 * with the TypeScript compiler, wrong uses marked `@ts-expect-error` (so a
 * wrong use that compiles is an error too).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import ts from 'typescript';
import {
  elementApis,
  frameworkTypes,
  readManifest,
  vueEventProp,
  type ElementApi,
} from '../../scripts/framework-types.js';

const root = resolve(import.meta.dirname, '../..');
const apis: ElementApi[] = elementApis(readManifest());

/** Host code in React: right uses compile, wrong ones must not. */
const REACT_HOST = `
import type { Invoice } from '../../src/api/schemas/invoice.js';
import type { UpsInvoiceTable } from '../../src/elements/invoice-table/invoice-table.js';
import type {} from '../../src/frameworks/react.js';

declare const invoices: readonly Invoice[];
declare const tableRef: { current: UpsInvoiceTable | null };

export const right = (
  <ups-billing-provider api-base="/api/v1" token="t" messages={{ 'invoiceTable.empty': 'Nothing due' }}>
    <ups-invoice-table
      ref={tableRef}
      view="plan"
      page-size={25}
      className="wide"
      onups-pay-request={(event) => event.detail.invoices.map((invoice) => invoice.amountDue.amount)}
      onups-invoice-select={(event) => event.detail.count + 1}
    />
    <ups-pay-form invoices={invoices} onups-payment-success={(event) => event.detail.receipt.confirmationNumber} />
  </ups-billing-provider>
);

// @ts-expect-error invoices are objects, not a string
export const invoicesAsString = <ups-pay-form invoices="INV-1" />;
// @ts-expect-error not one of the views
export const wrongView = <ups-invoice-table view="grid" />;
// @ts-expect-error the pay request carries invoices, not a receipt
export const wrongDetail = <ups-invoice-table onups-pay-request={(event) => event.detail.receipt} />;
// @ts-expect-error no such property
export const unknownProperty = <ups-pay-form amount={3} />;
// @ts-expect-error no such tag
export const unknownTag = <ups-invoice-tabel />;
`;

/** The same in Vue, through the props of its GlobalComponents (what vue-tsc checks templates against). */
const VUE_HOST = `
import type { GlobalComponents } from 'vue';
import type { Invoice } from '../../src/api/schemas/invoice.js';
import type {} from '../../src/frameworks/vue.js';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
declare const invoices: readonly Invoice[];

export const form: Props<'ups-pay-form'> = {
  invoices,
  onUpsPaymentSuccess: (event) => event.detail.receipt.confirmationNumber,
};
export const table: Props<'ups-invoice-table'> = {
  view: 'account',
  pageSize: 25,
  onUpsPayRequest: (event) => event.detail.invoices.length,
};
export const provider: Props<'ups-billing-provider'> = { apiBase: '/api/v1', token: null };

// @ts-expect-error invoices are objects, not a string
export const invoicesAsString: Props<'ups-pay-form'> = { invoices: 'INV-1' };
// @ts-expect-error the success carries a receipt, not invoices
export const wrongDetail: Props<'ups-pay-form'> = { onUpsPaymentSuccess: (event) => event.detail.invoices };
// @ts-expect-error a page size is a number
export const pageSizeAsString: Props<'ups-invoice-table'> = { pageSize: '25' };
`;

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

/** Compiles the two typings plus host files given as text, as if they were in test/package. */
function compile(hosts: Record<string, string>) {
  const files = Object.fromEntries(
    Object.entries(hosts).map(([name, text]) => [join(root, 'test/package', name), text]),
  );
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file in files || fileExists.call(host, file);
  host.readFile = (file) => files[file] ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) =>
    file in files
      ? ts.createSourceFile(file, files[file]!, language, true)
      : getSourceFile.call(host, file, language, ...rest);
  const typings = [join(root, 'src/frameworks/react.ts'), join(root, 'src/frameworks/vue.ts')];
  const program = ts.createProgram([...typings, ...Object.keys(files)], options, host);
  const diagnostics = [...typings, ...Object.keys(files)].flatMap((file) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  });
  return { program, diagnostics };
}

const show = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });

test('the typings are up to date with custom-elements.json (run `npm run analyze`)', async () => {
  for (const [path, text] of Object.entries(await frameworkTypes(readManifest()))) {
    assert.equal(readFileSync(join(root, path), 'utf8'), text, `${path} is stale`);
  }
});

test('the manifest lists what hosts pass: the pay form takes invoices and says when a payment succeeded', () => {
  // Guards the derivation itself: an empty manifest reading would make every other check vacuous.
  const payForm = apis.find((api) => api.tag === 'ups-pay-form')!;
  assert.ok(payForm.properties.includes('invoices'));
  assert.ok(payForm.events.some((e) => e.name === 'ups-payment-success'));
  assert.equal(vueEventProp('ups-payment-success'), 'onUpsPaymentSuccess');
  assert.ok(apis.length >= 14);
});

describe('compiled against host code', () => {
  let compiled: ReturnType<typeof compile>;
  before(() => {
    compiled = compile({ 'react-host.tsx': REACT_HOST, 'vue-host.ts': VUE_HOST });
  });

  test('right uses compile and every wrong use is an error', () => {
    assert.deepEqual(show(compiled.diagnostics), []);
  });

  /** The props a type lists, by name. */
  const propsOf = (type: ts.Type, checker: ts.TypeChecker) =>
    new Set(checker.getPropertiesOfType(type).map((p) => p.name));

  test("React's IntrinsicElements: every tag, with every property, attribute and event of the manifest", () => {
    const checker = compiled.program.getTypeChecker();
    const source = compiled.program.getSourceFile(join(root, 'test/package/react-host.tsx'))!;
    const intrinsic = checker.getJsxIntrinsicTagNamesAt(source);
    const tags = new Set(intrinsic.map((symbol) => symbol.name));
    for (const api of apis) {
      assert.ok(tags.has(api.tag), `<${api.tag}> is not in JSX.IntrinsicElements`);
      const symbol = intrinsic.find((s) => s.name === api.tag)!;
      const props = propsOf(checker.getTypeOfSymbol(symbol), checker);
      const expected = [
        ...api.properties,
        ...api.attributes.map((a) => a.name),
        ...api.events.map((e) => `on${e.name}`),
      ];
      assert.deepEqual(
        expected.filter((name) => !props.has(name)),
        [],
        `<${api.tag}> lacks these props`,
      );
    }
  });

  test("Vue's GlobalComponents: every tag, with every property and event of the manifest", () => {
    const checker = compiled.program.getTypeChecker();
    const source = compiled.program.getSourceFile(join(root, 'test/package/vue-host.ts'))!;
    // `Props<Tag>` of the host file, applied to each tag through a type the checker resolves.
    const components = checker
      .getSymbolsInScope(source, ts.SymbolFlags.Alias)
      .find((symbol) => symbol.name === 'GlobalComponents')!;
    const global = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(components));
    for (const api of apis) {
      const component = global.getProperty(api.tag);
      assert.ok(component, `${api.tag} is not in GlobalComponents`);
      const instance = checker.getTypeOfSymbol(component).getConstructSignatures()[0]!.getReturnType();
      const props = propsOf(checker.getTypeOfSymbol(instance.getProperty('$props')!), checker);
      const expected = [...api.properties, ...api.events.map((e) => vueEventProp(e.name))];
      assert.deepEqual(
        expected.filter((name) => !props.has(name)),
        [],
        `${api.tag} lacks these props`,
      );
    }
  });
});
