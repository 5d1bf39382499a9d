/**
 * An endpoint is the contract of one route: method, path and the schemas of
 * what goes in and comes out. The client calls endpoints; the server
 * registers a handler per endpoint; the OpenAPI document is generated from
 * them. Each endpoint is its own export so that an element bundles only the
 * schemas of the endpoints it calls (the guest page never ships the admin API).
 */
import type * as z from 'zod/mini';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Schema = z.ZodMiniType;

/** Marks an endpoint whose success is a file (a PDF, a CSV, a ZIP…), not JSON. */
export interface FileResponse {
  readonly file: readonly string[];
}

/** A file response with the media types it may have. */
export const file = (...types: string[]): FileResponse => ({ file: types });

export const isFileResponse = (response: unknown): response is FileResponse =>
  typeof response === 'object' && response !== null && Array.isArray((response as FileResponse).file);

/** What a file endpoint resolves to in the client. */
export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, for saving. */
  filename: string;
}

type Response = Schema | FileResponse | null;

/**
 * Files sent with the body as `multipart/form-data`: the JSON body as the part
 * `body`, the files as parts named `field`. Limits and accepted types are part
 * of the contract so the client refuses locally what the server refuses, and
 * types are recognised by content (see `upload.ts`), never by name.
 */
export interface UploadSpec {
  readonly field: string;
  readonly maxFiles: number;
  readonly maxBytes: number;
  readonly types: readonly string[];
}

export interface Endpoint<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Response = Response,
  A extends boolean = boolean,
  U extends UploadSpec | null = UploadSpec | null,
> {
  readonly method: HttpMethod;
  /** Path below the API base, with `{name}` placeholders, e.g. `/invoices/{number}`. */
  readonly path: string;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Schema of a successful JSON body; a `FileResponse` for files; `null` for 204 No Content. */
  readonly response: R;
  /** HTTP status of success. */
  readonly status: number;
  /** `false` for routes callable without a session (sign-in, guest payment). */
  readonly auth: A;
  /** The route moves money: the request must carry an `Idempotency-Key` header. */
  readonly idempotent: boolean;
  /** The route takes files with its body (`multipart/form-data`). */
  readonly upload: U;
}

type Infer<S> = S extends Schema ? z.infer<S> : never;
type InputOf<S> = S extends Schema ? z.input<S> : never;

/** What a caller passes for an endpoint: only the parts the endpoint has. */
export type EndpointInput<E extends Endpoint> = (E['params'] extends Schema
  ? { params: InputOf<E['params']> }
  : { params?: never }) &
  (E['query'] extends Schema ? { query?: InputOf<E['query']> } : { query?: never }) &
  (E['body'] extends Schema ? { body: InputOf<E['body']> } : { body?: never }) &
  (E['upload'] extends UploadSpec ? { files?: readonly File[] } : { files?: never });

/** What a successful call resolves to. */
export type EndpointOutput<E extends Endpoint> = E['response'] extends Schema
  ? Infer<E['response']>
  : E['response'] extends FileResponse
    ? DownloadedFile
    : undefined;

interface EndpointParts<P, Q, B, R, A, U> {
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  auth?: A;
  idempotent?: boolean;
  upload?: U;
}

export function endpoint<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Response = null,
  A extends boolean = true,
  U extends UploadSpec | null = null,
>(method: HttpMethod, path: string, parts: EndpointParts<P, Q, B, R, A, U>): Endpoint<P, Q, B, R, A, U> {
  return {
    method,
    path,
    params: parts.params as P,
    query: parts.query as Q,
    body: parts.body as B,
    response: parts.response,
    status: parts.status ?? (parts.response === null ? 204 : 200),
    auth: (parts.auth ?? true) as A,
    idempotent: parts.idempotent ?? false,
    upload: (parts.upload ?? null) as U,
  };
}

/** Fills `{name}` placeholders; values are URI-encoded so they cannot add path segments. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
}
