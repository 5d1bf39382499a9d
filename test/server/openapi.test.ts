import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import * as endpoints from '../../src/api/endpoints/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown> };
  };
  before(async () => {
    server = await startTestServer();
    const response = await fetch(`${server.url}/api/openapi.json`);
    assert.equal(response.status, 200);
    doc = await response.json();
  });
  after(() => server.close());

  test('is a valid OpenAPI 3.1 document, by an independent validator', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc as never);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  test('lists every endpoint of the contract, by operationId', () => {
    const operations = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    assert.deepEqual(operations.sort(), Object.keys(endpoints).sort());
  });

  test('publishes the shared schemas, money as integer minor units', () => {
    const money = doc.components.schemas['Money'] as { properties: { amount: { type: string } }; required: string[] };
    assert.equal(money.properties.amount.type, 'integer');
    assert.deepEqual(money.required.sort(), ['amount', 'currency']);
    for (const name of [
      'Problem',
      'Session',
      'User',
      'Company',
      'Account',
      'Plan',
      'Invoice',
      'InvoiceDetail',
      'Shipment',
      'Charge',
    ]) {
      assert.ok(doc.components.schemas[name], name);
    }
    const list = doc.paths['/invoices']!['get']!;
    assert.ok(list.responses['400'] && list.responses['401'] && list.responses['200']);
  });

  test('documents the dispute upload as multipart/form-data: a JSON part and up to five files', () => {
    const create = doc.paths['/disputes']!['post']! as unknown as {
      requestBody: {
        content: Record<
          string,
          {
            schema: { required: string[]; properties: Record<string, { $ref?: string; maxItems?: number }> };
            encoding: Record<string, { contentType: string }>;
          }
        >;
      };
      responses: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(create.requestBody.content), ['multipart/form-data']);
    const multipart = create.requestBody.content['multipart/form-data']!;
    assert.deepEqual(multipart.schema.required, ['body']);
    assert.equal(multipart.schema.properties['body']!.$ref, '#/components/schemas/DisputeRequest');
    assert.equal(multipart.schema.properties['files']!.maxItems, 5);
    assert.equal(multipart.encoding['body']!.contentType, 'application/json');
    assert.equal(multipart.encoding['files']!.contentType, 'application/pdf, image/png, image/jpeg');
    assert.ok(create.responses['201'] && create.responses['409'] && create.responses['413'] && create.responses['422']);
    for (const name of ['Dispute', 'DisputeSummary', 'DisputePage', 'DisputeRequest']) {
      assert.ok(doc.components.schemas[name], name);
    }
  });
});
