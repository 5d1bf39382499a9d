/** Signing in and the session. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import { Session, SignInRequest, SignInResponse } from '../schemas/session.js';

/** Sign in with a user ID and password; returns a short-lived bearer token. */
export const signIn = endpoint('POST', '/session', {
  body: SignInRequest,
  response: SignInResponse,
  status: 201,
  auth: false,
});

/** The caller's user, company, role and scope, read fresh from the server's records. */
export const getSession = endpoint('GET', '/session', { response: Session });
