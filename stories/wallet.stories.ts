import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { UpsBillingProvider } from '../src/context/billing-provider.js';
import '../src/ups-wallet.js';
import type { UpsWallet } from '../src/ups-wallet.js';
import { failing, withTransport } from './support/browser-server.js';

/**
 * Every story runs against the in-page reference server, seeded like the
 * demo: admin1's wallet holds a default Visa that AutoPay pays Newark with,
 * a Mastercard that expired last month (Seattle's rule waits for it), an
 * American Express that expires this month and a bank account. Cards are
 * added through the real card frame, served by Storybook beside the preview
 * (.storybook/card-frame.ts). Plays stop before anything is saved or
 * removed, so the stories sharing this page's database see the same wallet;
 * the one that saves a card does it in payer1's wallet, which no other
 * story shows.
 */
const meta: Meta = {
  title: 'Elements/Wallet',
  component: 'ups-wallet',
  decorators: [withActions],
  parameters: { actions: { handles: ['ups-wallet-change'] } },
  render: (args) => html`<ups-wallet view=${args['view'] || nothing}></ups-wallet>`,
  args: { view: 'grid' },
  argTypes: {
    view: {
      control: 'inline-radio',
      options: ['grid', 'list', ''],
      description: 'Grid or list; empty: the view the user last chose.',
    },
  },
};
export default meta;

type Story = StoryObj;

const SLOW = { timeout: 20_000 };

const walletIn = (canvas: HTMLElement) => canvas.querySelector<UpsWallet>('ups-wallet')!;

/** Waits for `selector` in the wallet's shadow root, once the list has loaded. */
function find<T extends Element = HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  return waitFor(() => {
    const root = walletIn(canvas).shadowRoot;
    const found = root?.querySelector<T>(selector);
    if (!found || root!.querySelector('[aria-busy=true]')) throw new Error(`${selector} is not in <ups-wallet> yet`);
    return found;
  }, SLOW);
}

/** The method whose card or row names `label` (its nickname or brand). */
async function methodButton(canvas: HTMLElement, label: RegExp, action: 'edit' | 'remove'): Promise<HTMLElement> {
  await find(canvas, '[data-method]');
  const methods = [...walletIn(canvas).shadowRoot!.querySelectorAll<HTMLElement>('[data-method]')];
  const method = methods.find((m) => label.test(m.querySelector('h3, th')?.textContent ?? ''))!;
  return method.querySelector<HTMLElement>(`[data-${action}]`)!;
}

/** Replaces a field's value as a user would (userEvent.clear cannot focus inside a shadow root). */
async function retype(input: HTMLInputElement, value: string): Promise<void> {
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await userEvent.type(input, value);
}

async function openAdd(canvas: HTMLElement): Promise<void> {
  await userEvent.click(await find(canvas, 'button.add'));
  await find(canvas, 'dialog#add[open] input[name=add-type]');
}

async function chooseType(canvas: HTMLElement, type: 'card' | 'ach' | 'sepa' | 'paypal'): Promise<void> {
  await userEvent.click(await find(canvas, `input[name=add-type][value=${type}]`));
}

/** An administrator's wallet, every method as a card: statuses in words (Default, Expired, Expires soon), AutoPay use, actions. */
export const AdministratorGrid: Story = {
  play: async ({ canvasElement }) => {
    const grid = await find(canvasElement, '[part=grid]');
    await expect(grid.textContent).toMatch(/Expired|Expirée/);
    await expect(grid.textContent).toMatch(/Expires soon|Expire bientôt/);
  },
};

/** The list view: a table with an Actions column. */
export const List: Story = { args: { view: 'list' } };

/** A wallet with nothing saved yet, for a user who may add methods. */
export const Empty: Story = { parameters: { billing: { user: 'northwind-admin' } } };

/** A viewer sees methods but cannot add, edit or remove them, and is told why. */
export const Viewer: Story = { parameters: { billing: { user: 'viewer1' } } };

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed: a message by its code, and Try again. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/payment-methods', 503) } } };

/** Adding a card: the isolated card frame, an optional nickname and "make default". */
export const AddCard: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await find(canvasElement, 'iframe.card-frame');
  },
};

/** A US bank account (ACH): its numbers are checked before anything is sent. */
export const AddBankAccount: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await chooseType(canvasElement, 'ach');
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#routing'), '123456789');
    await userEvent.click(await find(canvasElement, 'dialog#add button[type=submit]'));
    await find(canvasElement, '.error-summary');
  },
};

/** In Europe: a SEPA account, with the mandate the server sends, to accept. */
export const AddSepaAccount: Story = {
  play: async ({ canvasElement }) => {
    canvasElement.querySelector<UpsBillingProvider>('ups-billing-provider')!.country = 'FR';
    await openAdd(canvasElement);
    await chooseType(canvasElement, 'sepa');
    await find(canvasElement, '.mandate');
  },
};

/** An expired card's Edit: the expiry has the focus; holder and billing address are editable too. */
export const EditExpiredCard: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await methodButton(canvasElement, /Old Mastercard/, 'edit'));
    await find(canvasElement, 'dialog#edit[open] #exp-month');
  },
};

/** From the list's Actions column, an expiry in the past: the server refuses it, by the field and in the summary. */
export const ExpiryInThePast: Story = {
  args: { view: 'list' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await methodButton(canvasElement, /Old Mastercard/, 'edit'));
    const month = await find<HTMLInputElement>(canvasElement, 'dialog#edit[open] #exp-month');
    await retype(month, '01');
    const year = await find<HTMLInputElement>(canvasElement, '#exp-year');
    await retype(year, '2021');
    await userEvent.click(await find(canvasElement, 'dialog#edit button[type=submit]'));
    await find(canvasElement, '#expiry-error');
  },
};

/** A bank account's numbers cannot change: the form says so and offers to remove it and add it again. */
export const BankAccountNotEditable: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await methodButton(canvasElement, /Operating account/, 'edit'));
    await find(canvasElement, 'dialog#edit[open] #bank-note');
  },
};

/** Removing asks first; "Keep method" has the focus. */
export const RemoveConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await methodButton(canvasElement, /Operating account/, 'remove'));
    await find(canvasElement, 'dialog#remove[open] h3');
  },
};

/**
 * Removing a method AutoPay pays with: each rule needs a decision — another
 * method, or suspend — before anything is sent. Here Remove was pressed
 * without one.
 */
export const RemoveUsedByAutoPay: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await methodButton(canvasElement, /Company Visa/, 'remove'));
    await find(canvasElement, 'dialog#remove[open] fieldset.rule');
    await userEvent.click(await find(canvasElement, 'dialog#remove button[type=submit]'));
    await find(canvasElement, '.error-summary');
  },
};

/** French. */
export const French: Story = { args: { view: 'list' }, globals: { locale: 'fr' } };

/** A manager's wallet: the company's methods, which a manager may add to and edit. */
export const Manager: Story = { parameters: { billing: { user: 'manager1' } } };

/**
 * A payer adds a card through the card frame, with a nickname, as the
 * default: the dialog closes, the wallet says so, and the new card comes
 * first with its Default badge.
 */
export const PayerAddsCard: Story = {
  parameters: { billing: { user: 'payer1' } },
  play: async ({ canvasElement }) => {
    const wallet = walletIn(canvasElement);
    await openAdd(canvasElement);
    await chooseType(canvasElement, 'card');
    await waitFor(() => expect(wallet.matches(':state(card-ready)')).toBe(true), SLOW);
    const frame = await find<HTMLIFrameElement>(canvasElement, 'dialog#add iframe.card-frame');
    const doc = frame.contentDocument!;
    const card = {
      holder: 'Pat Payer',
      number: '4242 4242 4242 4242',
      expiry: '1230',
      cvc: '123',
      postalCode: '30301',
    };
    for (const [name, value] of Object.entries(card)) {
      const input = doc.querySelector<HTMLInputElement>(`#${name}`)!;
      input.value = value;
      // The frame formats as it is typed into (groups of four, MM / YY): it listens to `input`.
      input.dispatchEvent(new (doc.defaultView as typeof window).Event('input', { bubbles: true }));
    }
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#nickname'), 'Office Visa');
    await userEvent.click(await find(canvasElement, '#make-default'));
    await userEvent.click(await find(canvasElement, 'dialog#add button[type=submit]'));
    const status = await find(canvasElement, '.wallet > [role=status]');
    await waitFor(() => expect(status.textContent).toContain('Office Visa (Visa ending 4242) added.'), SLOW);
    await expect(wallet.shadowRoot!.querySelector<HTMLDialogElement>('dialog#add')!.open).toBe(false);
    const first = await find(canvasElement, '[data-method]');
    await expect(first.textContent).toContain('Office Visa');
    await expect(first.querySelector('.badges')?.textContent).toContain('Default');
  },
};

/** Dark. */
export const Dark: Story = { ...AdministratorGrid, globals: { theme: 'dark' } };
