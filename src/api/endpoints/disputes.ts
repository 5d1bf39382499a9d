/** Disputes of invoices, shipments and charge lines. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint, file } from '../endpoint.js';
import {
  ATTACHMENT_TYPES,
  AttachmentParams,
  Dispute,
  DisputeListQuery,
  DisputePage,
  DisputeParams,
  DisputeRequest,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  WithdrawDisputeRequest,
} from '../schemas/dispute.js';

/** Disputes of the invoices the caller may see, newest first. */
export const listDisputes = endpoint('GET', '/disputes', { query: DisputeListQuery, response: DisputePage });

/** One dispute with its lines, attachments and history. */
export const getDispute = endpoint('GET', '/disputes/{id}', { params: DisputeParams, response: Dispute });

/**
 * Disputes an invoice, some of its shipments or some of its charge lines. The
 * amount due does not change. Files (PDF, PNG, JPEG by content) come with the body.
 */
export const createDispute = endpoint('POST', '/disputes', {
  body: DisputeRequest,
  response: Dispute,
  status: 201,
  upload: { field: 'files', maxFiles: MAX_ATTACHMENTS, maxBytes: MAX_ATTACHMENT_BYTES, types: ATTACHMENT_TYPES },
});

/** Withdraws an open dispute. */
export const withdrawDispute = endpoint('POST', '/disputes/{id}/withdraw', {
  params: DisputeParams,
  body: WithdrawDisputeRequest,
  response: Dispute,
});

/** One file attached to a dispute, as it was uploaded. */
export const downloadDisputeAttachment = endpoint('GET', '/disputes/{id}/attachments/{attachmentId}', {
  params: AttachmentParams,
  response: file(...ATTACHMENT_TYPES),
});
