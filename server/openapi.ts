/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas and
 * the route table — never written by hand, so it cannot drift from the code.
 * A portal team can implement the API on its own backend from it.
 */
import * as z from 'zod/mini';
import { isFileResponse } from '../src/api/endpoint.js';
import {
  Account,
  AccountList,
  CancelEnrollmentRequest,
  Plan,
  PlanList,
  UpdateAccountRequest,
  XmlEnrollmentRequest,
} from '../src/api/schemas/account.js';
import { Money } from '../src/api/schemas/common.js';
import { Dashboard, DashboardAlert } from '../src/api/schemas/dashboard.js';
import {
  Dispute,
  DisputeAttachment,
  DisputeEvent,
  DisputeOutcome,
  DisputePage,
  DisputeRequest,
  DisputeSummary,
  DisputedLine,
  WithdrawDisputeRequest,
} from '../src/api/schemas/dispute.js';
import { DocumentExport, DocumentExportRequest } from '../src/api/schemas/document.js';
import { EnrollmentCheck, EnrollmentRequest } from '../src/api/schemas/enrollment.js';
import {
  AddInboundExceptionRequest,
  ImportInboundExceptionsRequest,
  ImportReport,
  InboundChargeList,
  InboundChargeSettings,
  InboundChargeSummary,
  InboundException,
  UpdateInboundChargesRequest,
} from '../src/api/schemas/inbound-charges.js';
import { InvoiceProof } from '../src/api/schemas/invoice-proof.js';
import {
  AppliedPayment,
  Charge,
  Invoice,
  InvoiceDetail,
  InvoicePage,
  Shipment,
  ShipmentPage,
} from '../src/api/schemas/invoice.js';
import {
  CreatePaymentRequest,
  GuestInvoice,
  GuestLookupRequest,
  PaymentPage,
  PaymentReceipt,
  PaymentToken,
  PaymentTypes,
} from '../src/api/schemas/payment.js';
import { Problem } from '../src/api/schemas/problem.js';
import {
  AddMethodRequest,
  RemoveMethodRequest,
  UpdateMethodRequest,
  WalletList,
  WalletMethod,
} from '../src/api/schemas/wallet.js';
import {
  AutopayAgreement,
  AutopayPreview,
  AutopayRule,
  AutopayRuleList,
  AutopayRuleRequest,
  NextRun,
} from '../src/api/schemas/autopay.js';
import {
  Company,
  Scope,
  Session,
  SessionUser,
  SignInRequest,
  SignInResponse,
  User,
} from '../src/api/schemas/session.js';
import {
  BillingContact,
  CompanyAddress,
  PaymentAccount,
  PaymentAccountRequest,
  ServedCountries,
  SignUpRequest,
} from '../src/api/schemas/signup.js';
import {
  AuditEntry,
  AuditPage,
  CreatedUser,
  CreateRecoveryRequest,
  CreateUserRequest,
  ManagedUser,
  RecoveryRequest,
  RecoveryRequestList,
  ScopeRequest,
  UpdateUserRequest,
  UserList,
} from '../src/api/schemas/users.js';
import { ROUTES } from './routes/index.js';

/** Schemas published as named components; everything else is inlined. */
const COMPONENTS: Record<string, z.ZodMiniType> = {
  Money,
  Problem,
  Company,
  Scope,
  User,
  SessionUser,
  SignInRequest,
  SignInResponse,
  Session,
  // The same schema as an enrolment's first user.
  NewUser: SignUpRequest,
  CompanyAddress,
  BillingContact,
  PaymentAccountRequest,
  PaymentAccount,
  ServedCountries,
  Account,
  AccountList,
  Plan,
  PlanList,
  UpdateAccountRequest,
  XmlEnrollmentRequest,
  CancelEnrollmentRequest,
  InvoiceProof,
  EnrollmentRequest,
  EnrollmentCheck,
  InboundChargeSummary,
  InboundChargeList,
  InboundException,
  InboundChargeSettings,
  UpdateInboundChargesRequest,
  AddInboundExceptionRequest,
  ImportInboundExceptionsRequest,
  ImportReport,
  Charge,
  Shipment,
  ShipmentPage,
  AppliedPayment,
  Invoice,
  InvoiceDetail,
  InvoicePage,
  DocumentExportRequest,
  DocumentExport,
  DashboardAlert,
  Dashboard,
  DisputeRequest,
  DisputedLine,
  DisputeAttachment,
  DisputeEvent,
  DisputeOutcome,
  DisputeSummary,
  Dispute,
  DisputePage,
  WithdrawDisputeRequest,
  PaymentTypes,
  PaymentToken,
  CreatePaymentRequest,
  PaymentReceipt,
  PaymentPage,
  GuestLookupRequest,
  GuestInvoice,
  WalletMethod,
  WalletList,
  AddMethodRequest,
  UpdateMethodRequest,
  RemoveMethodRequest,
  NextRun,
  AutopayRule,
  AutopayRuleList,
  AutopayRuleRequest,
  AutopayPreview,
  AutopayAgreement,
  ManagedUser,
  UserList,
  ScopeRequest,
  CreateUserRequest,
  CreatedUser,
  UpdateUserRequest,
  RecoveryRequest,
  RecoveryRequestList,
  CreateRecoveryRequest,
  AuditEntry,
  AuditPage,
};

type JsonSchema = Record<string, unknown>;

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid request (`validation_failed`, `malformed_json`)',
  '401': 'Missing, invalid or expired token',
  '403': 'The caller’s role does not allow this',
  '404': 'Not found, or not visible to the caller',
  '413': 'Body too large',
  '415': 'Body is not JSON (or, for uploads, not multipart/form-data)',
  '402': 'Payment declined (`declined_insufficient_funds`, `declined_expired_card`, `declined_do_not_honor`)',
  '409':
    'Conflict (`already_paid`, `idempotency_in_flight`, `not_cancellable`, `autopay_rule_exists`, `method_in_use`, `user_id_taken`, `last_administrator`, `already_administrator`, `account_in_other_company`, `account_already_enrolled`, `account_in_plan`, `payments_in_progress`, `exception_exists`, `import_changed`, `dispute_exists`, `dispute_closed`, `already_in_company`)',
  '422':
    'Valid, but cannot be carried out (e.g. `xml_not_enrolled`, `amount_mismatch`, `idempotency_key_mismatch`, `invoice_mismatch`, `invoice_date_out_of_window`, `too_many_exceptions`, `too_many_files`, `file_too_large`, `file_type_not_allowed`, `line_not_on_invoice`, `amount_above_charge`, `country_not_served`, `payment_method_not_allowed`)',
  '429': 'Too many attempts; see `Retry-After`',
  '503': 'The payment gateway did not answer; nothing was charged (`gateway_unavailable`)',
};

export function buildOpenApiDocument(): JsonSchema {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<unknown, string>();
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    registry.add(schema, { id });
    ids.set(schema, id);
  }
  const options = { uri: (id: string) => `#/components/schemas/${id}`, unrepresentable: 'any' } as const;
  const components = z.toJSONSchema(registry, options).schemas as Record<string, JsonSchema>;
  for (const schema of Object.values(components)) delete schema['$schema'];

  const refOrInline = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
    const id = ids.get(schema);
    if (id) return { $ref: `#/components/schemas/${id}` };
    const json = z.toJSONSchema(schema, { ...options, io, metadata: registry }) as JsonSchema;
    delete json['$schema'];
    return json;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(ROUTES)) {
    const { endpoint } = route;
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', endpoint.params],
      ['query', endpoint.query],
    ] as const) {
      if (!schema) continue;
      const json = z.toJSONSchema(schema, { ...options, io: 'output' }) as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    if (endpoint.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: 'One key per payment attempt: a retry with the same key and body returns the first result.',
        schema: { type: 'string', minLength: 8, maxLength: 128 },
      });
    }
    const success = endpoint.response;
    const responses: Record<string, unknown> = {
      [String(endpoint.status)]: !success
        ? { description: 'Success, no content' }
        : isFileResponse(success)
          ? {
              description: 'The file, with its name in `Content-Disposition`',
              content: Object.fromEntries(
                success.file.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
              ),
            }
          : { description: 'Success', content: { 'application/json': { schema: refOrInline(success, 'output') } } },
    };
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (!endpoint.auth && (status === '401' || status === '403')) continue;
      if (!endpoint.body && (status === '413' || status === '415')) continue;
      if (!endpoint.idempotent && (status === '402' || status === '503')) continue;
      // Conflicts come from changing something: a rule that exists, a method in use, a payment under way.
      if (status === '409' && !endpoint.idempotent && endpoint.method === 'GET') continue;
      responses[status] = {
        description,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const path = (paths[endpoint.path] ??= {});
    path[endpoint.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      tags: route.tags,
      ...(endpoint.auth ? {} : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body && endpoint.upload
        ? {
            // Files travel with the JSON body: the body as the part `body`, each file as a part `files`.
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: ['body'],
                    properties: {
                      body: refOrInline(endpoint.body, 'input'),
                      [endpoint.upload.field]: {
                        type: 'array',
                        maxItems: endpoint.upload.maxFiles,
                        items: { type: 'string', contentMediaType: 'application/octet-stream' },
                        description: `At most ${endpoint.upload.maxFiles} files of ${endpoint.upload.maxBytes} bytes each; ${endpoint.upload.types.join(', ')}, recognised by content, not by name.`,
                      },
                    },
                  },
                  encoding: {
                    body: { contentType: 'application/json' },
                    [endpoint.upload.field]: { contentType: endpoint.upload.types.join(', ') },
                  },
                },
              },
            },
          }
        : endpoint.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: refOrInline(endpoint.body, 'input') } },
              },
            }
          : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'UPS Billing Center API',
      version: '1.0.0',
      description:
        'The billing API the ups-billing-elements talk to. Errors are RFC 9457 problem documents with a stable `code`. Money is an integer of minor units plus an ISO 4217 currency.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
