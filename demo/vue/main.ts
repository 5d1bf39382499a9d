import { createApp } from 'vue';
// The elements define their tags on import, before Vue mounts: Vue then finds
// their properties (`invoices`, `token`) on the elements and sets those.
import '../../src/ups-billing-provider.js';
import '../../src/ups-invoice-table.js';
import '../../src/ups-pay-form.js';
import App from './App.vue';
import './app.css';

createApp(App).mount('#app');
