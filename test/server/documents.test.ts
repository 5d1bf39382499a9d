import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { validateXML } from 'xmllint-wasm';
import { CSV_COLUMNS } from '../../server/documents/csv.js';
import { zipStream } from '../../server/documents/zip.js';
import { generateInvoices } from '../../server/db/generate.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { today } from '../helpers/database.js';

const XSD = readFileSync('server/documents/invoice.xsd', 'utf8');
const STANDARD_FONTS = `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, standardFontDataUrl: STANDARD_FONTS }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  return text;
}

/** RFC 4180, strictly: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('invoice documents', () => {
  let server: TestServer;
  let admin: string;
  let target: { id: number; number: string; amount: number; currency: string; charges: number };
  const download = (path: string, token = admin) => server.api(path, { token });

  before(async () => {
    server = await startTestServer();
    admin = await server.tokenFor('admin1');
    // An XML-enrolled account's invoice with shipments; its text gets the characters that break naive writers.
    const [row] = await server.db.query<{ id: number; number: string; amount: number; currency: string }>(
      `select i.id, i.number, i.amount, i.currency from invoices i
        where i.account_number = '4R7X21' and i.type = 'delivery_service'
          and (select count(*) from shipments s where s.invoice_id = i.id) >= 3 limit 1`,
    );
    const charges = await server.db.query<{ id: number }>('select id from charges where invoice_id = $1 order by id', [
      row!.id,
    ]);
    await server.db.query(`update charges set description = $2 where id = $1`, [
      charges[0]!.id,
      '=HYPERLINK("http://evil.example")',
    ]);
    await server.db.query(`update charges set description = $2 where id = $1`, [
      charges[1]!.id,
      'Fuel, "special" <&> rate\u0001',
    ]);
    await server.db.query(`update invoices set reference = $2 where id = $1`, [row!.id, '@SUM(A1:A9)']);
    target = { ...row!, charges: charges.length };
  });
  after(() => server.close());

  test('PDF: a real PDF whose text has the invoice number and total', async () => {
    const response = await download(`/invoices/${target.number}/documents/pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(
      response.headers.get('content-disposition')!,
      new RegExp(`attachment; filename="invoice-${target.number}.pdf"`),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
    const text = await pdfText(bytes);
    assert.ok(text.includes(target.number), 'invoice number');
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: target.currency }).format(
      target.amount / 100,
    );
    assert.ok(text.includes(total), `total ${total}`);
  });

  test('CSV: header once, one row per charge line, RFC 4180 quoting, formulas neutralised', async () => {
    const response = await download(`/invoices/${target.number}/documents/csv`);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    const text = await response.text();
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.filter((r) => r[0] === 'invoice_number').length, 1, 'header once');
    assert.equal(rows.length - 1, target.charges);
    assert.ok(rows.slice(1).every((r) => r.length === CSV_COLUMNS.length && r[0] === target.number));
    const descriptions = rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('charge_description')]);
    assert.ok(descriptions.includes(`'=HYPERLINK("http://evil.example")`), 'formula neutralised');
    assert.ok(descriptions.includes('Fuel, "special" <&> rate\u0001'), 'quoted, round-trips');
    assert.ok(rows.slice(1).every((r) => r[CSV_COLUMNS.indexOf('invoice_reference')] === "'@SUM(A1:A9)"));
    // Amounts are plain numbers, negative ones included: never neutralised.
    const amounts = rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('charge_amount')]!);
    assert.ok(amounts.every((a) => /^-?\d+\.\d\d$/.test(a)));
    const sum = amounts.reduce((s, a) => s + Math.round(Number(a) * 100), 0);
    assert.equal(sum, target.amount);
  });

  test('XML: well formed and valid against the XSD in the repo, for every kind of invoice', async () => {
    const samples = await server.db.query<{ number: string }>(
      `select distinct on (type) number from invoices where account_number in ('4R7X21', 'F3R901') order by type, id`,
    );
    const numbers = [target.number, ...samples.map((s) => s.number)];
    assert.ok(numbers.length >= 4);
    for (const number of numbers) {
      const response = await download(`/invoices/${number}/documents/xml`);
      assert.equal(response.status, 200, number);
      const xml = await response.text();
      const result = await validateXML({ xml: { fileName: `${number}.xml`, contents: xml }, schema: XSD });
      assert.deepEqual(
        result.errors.map((e) => e.message),
        [],
        number,
      );
      assert.equal(result.valid, true);
      assert.ok(xml.includes(`<Number>${number}</Number>`));
    }
  });

  test('XML is refused for an account not enrolled in XML', async () => {
    const [plain] = await server.db.query<{ number: string }>(
      `select number from invoices where account_number = 'W9E530' limit 1`,
    );
    const response = await download(`/invoices/${plain!.number}/documents/xml`);
    assert.equal(response.status, 422);
    assert.equal((await response.json()).code, 'xml_not_enrolled');
  });

  test('a document of an invoice the caller may not see is 404', async () => {
    const [outOfScope] = await server.db.query<{ number: string }>(
      `select number from invoices where account_number = 'E7T310' limit 1`,
    );
    const response = await download(`/invoices/${outOfScope!.number}/documents/pdf`, await server.tokenFor('payer1'));
    assert.equal(response.status, 404);
  });

  test('an export lists what it cannot produce, streams a ZIP, and reports progress', async () => {
    const numbers = (
      await server.db.query<{ number: string }>(
        `select number from invoices where account_number in ('4R7X21', 'W9E530') order by id limit 30`,
      )
    ).map((r) => r.number);
    const [foreign] = await server.db.query<{ number: string }>(
      `select number from invoices where account_number = 'N0RTH1' limit 1`,
    );
    const created = await server.api('/document-exports', {
      method: 'POST',
      token: admin,
      json: { format: 'xml', numbers: [...numbers, foreign!.number, 'NOSUCH000001'] },
    });
    assert.equal(created.status, 201);
    const job = await created.json();
    const enrolled = numbers.filter((n) => n.startsWith('4R7X21'));
    assert.equal(job.total, enrolled.length);
    assert.deepEqual(
      job.excluded.map((e: { number: string; reason: string }) => e.reason).sort(),
      [...Array(numbers.length - enrolled.length).fill('xml_not_enrolled'), 'not_found', 'not_found'].sort(),
    );
    assert.ok(
      job.excluded.some((e: { number: string }) => e.number === foreign!.number),
      'another company: not found',
    );
    assert.match(job.filename, /\.zip$/);

    const file = await download(`/document-exports/${job.id}/file`);
    assert.equal(file.headers.get('content-type'), 'application/zip');
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
    assert.deepEqual(Object.keys(entries).sort(), enrolled.map((n) => `billing-data-${n}.xml`).sort());
    for (const [name, bytes] of Object.entries(entries).slice(0, 3)) {
      const result = await validateXML({
        xml: { fileName: name, contents: new TextDecoder().decode(bytes) },
        schema: XSD,
      });
      assert.equal(result.valid, true, name);
    }
    const done = await (await download(`/document-exports/${job.id}`)).json();
    assert.equal(done.status, 'completed');
    assert.equal(done.done, job.total);
  });

  test('the ZIP is generated as it is read: one document in memory at a time', async () => {
    // 1,000 documents of 20 KB (20 MB in all), produced only when the stream asks.
    let produced = 0;
    const stream = zipStream(async () =>
      produced === 1_000
        ? null
        : {
            bytes: new Uint8Array(20_000).fill(65 + (produced % 26)),
            filename: `doc-${produced++}.txt`,
            contentType: 'text/plain',
            compress: false,
          },
    );
    const reader = stream.getReader();
    const first = await reader.read();
    assert.ok(first.value!.length > 0);
    assert.ok(produced <= 2, `${produced} documents produced for the first chunk`);
    const chunks = [first.value!];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      // The producer never runs ahead of the reader by more than one document.
      assert.ok(produced - 1 <= chunks.length, `${produced} produced for ${chunks.length} chunks`);
    }
    const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const chunk of chunks) zip.set(chunk, (offset += chunk.length) - chunk.length);
    const entries = unzipSync(zip);
    assert.equal(Object.keys(entries).length, 1_000);
    assert.equal(entries['doc-999.txt']![0], 65 + (999 % 26));
  });

  test('an export of many PDFs streams over HTTP without a length', async () => {
    const numbers = (
      await server.db.query<{ number: string }>(
        `select number from invoices where account_number = 'F3R902' order by id limit 60`,
      )
    ).map((r) => r.number);
    const job = await (
      await server.api('/document-exports', { method: 'POST', token: admin, json: { format: 'pdf', numbers } })
    ).json();
    assert.equal(job.total, 60);
    const response = await download(`/document-exports/${job.id}/file`);
    assert.equal(response.headers.get('content-length'), null, 'written as it is read');
    assert.equal(response.headers.get('transfer-encoding'), 'chunked');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    assert.equal(Object.keys(entries).length, 60);
    assert.ok(Object.values(entries).every((pdf) => new TextDecoder().decode(pdf.slice(0, 5)) === '%PDF-'));
  });

  test('one invoice exports as its own file, not a ZIP', async () => {
    const job = await (
      await server.api('/document-exports', {
        method: 'POST',
        token: admin,
        json: { format: 'csv', numbers: [target.number] },
      })
    ).json();
    assert.equal(job.filename, `billing-data-${target.number}.csv`);
    const file = await download(`/document-exports/${job.id}/file`);
    assert.equal(file.headers.get('content-type'), 'text/csv; charset=utf-8');
  });

  test('"all matching" exports by filter, within the limit', async () => {
    const filter = { status: 'all', account: 'F3R901', from: '2026-06-01', to: '2026-06-30' };
    const job = await (
      await server.api('/document-exports', { method: 'POST', token: admin, json: { format: 'csv', filter } })
    ).json();
    const [{ n }] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from invoices where account_number = 'F3R901' and invoice_date between '2026-06-01' and '2026-06-30'`,
    );
    assert.equal(job.total, n);
    const accounts = await server.db.query<{
      id: string;
      number: string;
      country: string;
      currency: string;
      company_id: string;
    }>(`select id, number, country, currency, company_id from accounts where number = 'K2M8Q5'`);
    await generateInvoices(server.db, {
      companyId: accounts[0]!.company_id,
      accounts: accounts.map((a) => ({ ...a, planId: null })),
      count: 10_050,
      from: '2026-01-01',
      to: today(),
      today: today(),
      seed: 9,
      lines: 'light',
    });
    const tooMany = await server.api('/document-exports', {
      method: 'POST',
      token: admin,
      json: { format: 'pdf', filter: { status: 'all', account: 'K2M8Q5' } },
    });
    assert.equal(tooMany.status, 422);
    assert.equal((await tooMany.json()).code, 'too_many_invoices');
  });

  test("an export is its creator's own: another user gets 404", async () => {
    const job = await (
      await server.api('/document-exports', {
        method: 'POST',
        token: admin,
        json: { format: 'pdf', numbers: [target.number] },
      })
    ).json();
    const other = await server.tokenFor('manager1');
    assert.equal((await download(`/document-exports/${job.id}`, other)).status, 404);
    assert.equal((await download(`/document-exports/${job.id}/file`, other)).status, 404);
  });

  test('bad export requests are refused with field codes', async () => {
    const cases: [unknown, Record<string, string>][] = [
      [{ format: 'docx', numbers: [target.number] }, { format: 'invalid_value' }],
      [{ format: 'pdf' }, { numbers: 'invalid_value' }],
      [{ format: 'pdf', numbers: [target.number], filter: {} }, { numbers: 'invalid_value' }],
      [{ format: 'pdf', numbers: [] }, { numbers: 'too_small' }],
      [{ format: 'pdf', filter: { sort: 'nope' } }, { 'filter.sort': 'invalid_value' }],
    ];
    for (const [body, fieldErrors] of cases) {
      const response = await server.api('/document-exports', { method: 'POST', token: admin, json: body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual((await response.json()).fieldErrors, fieldErrors, JSON.stringify(body));
    }
  });
});
