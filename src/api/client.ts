/**
 * BillingClient: typed calls to the billing API over ky (1.x: it does all this
 * client needs, at 5 KB gzip where ky 2 costs 9 — the guest page's budget is 30).
 *
 * Call an endpoint descriptor from `endpoints.ts`:
 *
 *   const page = await client.call(listInvoices, { query: { status: 'past_due' } }, { signal });
 *
 * Input and output types come from the endpoint's schemas; every response is
 * parsed by its schema, and every failure except an abort becomes a
 * `BillingApiError` with a stable `code`.
 */
import ky, { HTTPError, TimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import {
  fillPath,
  isFileResponse,
  type DownloadedFile,
  type Endpoint,
  type EndpointInput,
  type EndpointOutput,
} from './endpoint.js';
import { BillingApiError } from './errors.js';
import { PARSE_OPTIONS, toFieldErrors } from './field-errors.js';
import { Problem } from './schemas/problem.js';

/**
 * Supplies the bearer token. Called before each authenticated request with
 * `refresh: false`, and once more with `refresh: true` after a 401 so the host
 * can renew an expired token. Tokens are never stored by the library.
 */
export type TokenSource = (options: {
  refresh: boolean;
}) => string | null | undefined | Promise<string | null | undefined>;

export interface BillingClientOptions {
  /** API base, absolute or relative to the page, e.g. `/api/v1`. */
  baseUrl: string;
  getToken?: TokenSource | undefined;
  /** Transport; defaults to the global `fetch`. Stories pass one that reaches an in-page server. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  /** For file endpoints: called with the bytes received so far as the file streams in. */
  onProgress?: ((received: number) => void) | undefined;
}

type CallArgs<E extends Endpoint> =
  object extends EndpointInput<E>
    ? [input?: EndpointInput<E>, options?: CallOptions]
    : [input: EndpointInput<E>, options?: CallOptions];

export class BillingClient {
  readonly baseUrl: string;
  readonly #ky: KyInstance;
  readonly #getToken: TokenSource | undefined;

  constructor(options: BillingClientOptions) {
    this.baseUrl = options.baseUrl;
    this.#getToken = options.getToken;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      timeout: options.timeout ?? 30_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      // Only safe methods are retried: a POST that timed out may have been
      // applied, and repeating it is the caller's decision (with its idempotency key).
      retry: { limit: 2, methods: ['get', 'head', 'options'], statusCodes: [408, 429, 502, 503, 504] },
    });
  }

  async call<E extends Endpoint>(endpoint: E, ...[input, options]: CallArgs<E>): Promise<EndpointOutput<E>> {
    const args = (input ?? {}) as CallInput;
    // Refuse locally what the server would refuse: same schema, same codes,
    // and no round trip for an obviously bad value.
    for (const [schema, value] of [
      [endpoint.params, args.params],
      [endpoint.query, args.query ?? {}],
      [endpoint.body, args.body],
    ] as const) {
      if (!schema) continue;
      const result = schema.safeParse(value, PARSE_OPTIONS);
      if (!result.success) {
        throw new BillingApiError({
          code: 'validation_failed',
          status: 400,
          title: 'Invalid request',
          fieldErrors: toFieldErrors(result.error.issues),
        });
      }
    }
    const upload = endpoint.upload;
    if (upload) {
      // The server's limits, checked here so a sixth or oversized file costs no upload. The type is
      // read from the content: a name or the browser's guess says nothing. The sniffer loads only
      // for uploads, so elements that never upload do not carry it.
      const { SNIFF_BYTES, sniffType } = await import('./upload.js');
      const files = args.files ?? [];
      if (files.length > upload.maxFiles) refuse('too_many_files', upload.field);
      for (const [i, file] of files.entries()) {
        const field = `${upload.field}.${i}`;
        if (file.size > upload.maxBytes) refuse('file_too_large', field);
        if (!sniffType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), upload.types))
          refuse('file_type_not_allowed', field, 'file_type');
      }
    }
    const path = fillPath(endpoint.path, args.params).replace(/^\//, '');
    let refresh = false;
    for (;;) {
      const token = endpoint.auth && this.#getToken ? await this.#getToken({ refresh }) : undefined;
      try {
        return await this.#send(endpoint, path, args, token, options);
      } catch (error) {
        // One renewal per call: a second 401 means the token source cannot help.
        if (error instanceof BillingApiError && error.status === 401 && this.#getToken && endpoint.auth && !refresh) {
          refresh = true;
          continue;
        }
        throw error;
      }
    }
  }

  async #send<E extends Endpoint>(
    endpoint: E,
    path: string,
    args: CallInput,
    token: string | null | undefined,
    options: CallOptions | undefined,
  ): Promise<EndpointOutput<E>> {
    const headers: Record<string, string> = { ...options?.headers };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const searchParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(args.query ?? {})) {
      if (value !== undefined && value !== null && value !== '') searchParams[key] = String(value);
    }
    try {
      const response = this.#ky(path, {
        method: endpoint.method,
        headers,
        searchParams,
        ...(endpoint.upload
          ? { body: formData(args, endpoint.upload.field) }
          : endpoint.body
            ? { json: args.body }
            : {}),
        ...(options?.signal ? { signal: options.signal } : {}),
      });
      if (!endpoint.response) {
        await response;
        return undefined as EndpointOutput<E>;
      }
      if (isFileResponse(endpoint.response))
        return (await readFile(await response, options?.onProgress)) as EndpointOutput<E>;
      const parsed = endpoint.response.safeParse(await response.json());
      if (!parsed.success)
        throw new BillingApiError({ code: 'invalid_response', status: 0, title: 'Unexpected response' });
      return parsed.data as EndpointOutput<E>;
    } catch (error) {
      throw await toBillingError(error);
    }
  }
}

interface CallInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  files?: readonly File[];
}

/** A local refusal, shaped as the server's: its problem code, and the field code at `field`. */
function refuse(code: string, field: string, fieldCode = code): never {
  throw new BillingApiError({ code, status: 422, title: code, fieldErrors: { [field]: fieldCode } });
}

/** `multipart/form-data`: the JSON body as the part `body`, each file as a part named `field`. */
function formData(args: CallInput, field: string): FormData {
  const form = new FormData();
  form.append('body', new Blob([JSON.stringify(args.body)], { type: 'application/json' }));
  for (const file of args.files ?? []) form.append(field, file, file.name);
  return form;
}

/** Reads a file response chunk by chunk, so a long download can show its progress. */
async function readFile(
  response: Response,
  onProgress: ((received: number) => void) | undefined,
): Promise<DownloadedFile> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress?.(received);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: new Blob(chunks, { type: response.headers.get('content-type') ?? '' }), filename };
}

async function toBillingError(error: unknown): Promise<unknown> {
  if (error instanceof BillingApiError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof HTTPError) {
    const status = error.response.status;
    const parsed = Problem.safeParse(await error.response.json().catch(() => null));
    const header = Number(error.response.headers.get('retry-after'));
    const retryAfter = Number.isFinite(header) && header > 0 ? header : undefined;
    if (parsed.success) return new BillingApiError({ retryAfter, ...parsed.data });
    return new BillingApiError({ code: codeForStatus(status), status, title: error.response.statusText, retryAfter });
  }
  if (error instanceof TimeoutError) return new BillingApiError({ code: 'timeout', status: 0, title: 'Timed out' });
  if (error instanceof SyntaxError) {
    return new BillingApiError({ code: 'invalid_response', status: 0, title: 'Unexpected response' });
  }
  if (error instanceof TypeError) {
    return new BillingApiError({ code: 'network_error', status: 0, title: 'Network error' });
  }
  return error;
}

/** For answers without a problem document, e.g. from a proxy in front of the API. */
function codeForStatus(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_error';
  return 'validation_failed';
}
