/** The dashboard figures. Endpoints under `/api/v1`; see `index.ts`. */
import { endpoint } from '../endpoint.js';
import { Dashboard } from '../schemas/dashboard.js';

/** Balance due, past due, due this week, aging and alerts, over the caller's scope. */
export const getDashboard = endpoint('GET', '/dashboard', { response: Dashboard });
