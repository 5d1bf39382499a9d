import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The elements define their tags on import; React renders them once defined,
// so it finds their properties (`invoices`, `token`) and sets those, not attributes.
import '../../src/ups-billing-provider.js';
import '../../src/ups-invoice-table.js';
import '../../src/ups-pay-form.js';
import { App } from './App.js';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
