/**
 * The isolated card entry frame. It runs on the billing server's origin, not
 * the host page's: name, number, expiry, security code and postal code are
 * typed here, checked here, and sent from here to the server, which hands
 * back a token. The embedding element only ever receives that token, the
 * brand and the last four digits.
 *
 * Built by `build.ts` into one script; served with a strict CSP whose
 * `frame-ancestors` lists the origins allowed to embed it.
 */
import { cardExpired, luhn } from '../../src/internal/validators.js';
import { FRAME_SOURCE, PARENT_SOURCE, type CardField, type FrameMessage, type ParentMessage } from './messages.js';

const params = new URLSearchParams(location.search);
/** The only origin messages go to and come from. */
const parentOrigin = params.get('parent') ?? '';
const locale = params.get('locale')?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
if (params.get('theme') === 'dark') document.documentElement.classList.add('dark');

const TEXT = {
  en: {
    form: 'Card details',
    holder: 'Name on card',
    number: 'Card number',
    expiry: 'Expiry (MM / YY)',
    cvc: 'Security code',
    postalCode: 'Postal code',
    required: 'Enter this value.',
    number_invalid: 'Enter a valid card number.',
    expiry_invalid: 'Enter the expiry as MM / YY.',
    card_expired: 'This card has expired.',
    cvc_invalid: 'Enter the 3 or 4 digits on the back of the card.',
  },
  fr: {
    form: 'Coordonnées de la carte',
    holder: 'Nom sur la carte',
    number: 'Numéro de carte',
    expiry: 'Expiration (MM / AA)',
    cvc: 'Code de sécurité',
    postalCode: 'Code postal',
    required: 'Saisissez cette valeur.',
    number_invalid: 'Saisissez un numéro de carte valide.',
    expiry_invalid: 'Saisissez l’expiration au format MM / AA.',
    card_expired: 'Cette carte a expiré.',
    cvc_invalid: 'Saisissez les 3 ou 4 chiffres au dos de la carte.',
  },
}[locale];
type ErrorCode = 'required' | 'number_invalid' | 'expiry_invalid' | 'card_expired' | 'cvc_invalid';

interface FieldSpec {
  name: CardField;
  autocomplete: string;
  inputmode?: string;
  wide?: boolean;
  maxLength: number;
}

const FIELDS: FieldSpec[] = [
  { name: 'holder', autocomplete: 'cc-name', wide: true, maxLength: 80 },
  { name: 'number', autocomplete: 'cc-number', inputmode: 'numeric', wide: true, maxLength: 23 },
  { name: 'expiry', autocomplete: 'cc-exp', inputmode: 'numeric', maxLength: 7 },
  { name: 'cvc', autocomplete: 'cc-csc', inputmode: 'numeric', maxLength: 4 },
  { name: 'postalCode', autocomplete: 'postal-code', wide: true, maxLength: 12 },
];

const inputs = {} as Record<CardField, HTMLInputElement>;
const errors = {} as Record<CardField, HTMLElement>;

const form = document.createElement('form');
form.noValidate = true;
form.setAttribute('aria-label', TEXT.form);
form.autocomplete = 'on';
for (const spec of FIELDS) {
  const wrapper = document.createElement('div');
  wrapper.className = spec.wide ? 'field wide' : 'field';
  const label = document.createElement('label');
  label.htmlFor = spec.name;
  label.textContent = TEXT[spec.name];
  const input = document.createElement('input');
  input.id = input.name = spec.name;
  input.setAttribute('autocomplete', spec.autocomplete);
  input.maxLength = spec.maxLength;
  input.spellcheck = false;
  if (spec.inputmode) input.inputMode = spec.inputmode;
  const error = document.createElement('span');
  error.id = `${spec.name}-error`;
  error.className = 'error';
  input.setAttribute('aria-describedby', error.id);
  wrapper.append(label, input, error);
  form.append(wrapper);
  inputs[spec.name] = input;
  errors[spec.name] = error;
}
// Enter in the frame asks the element to go on, as Enter in any other field would.
// (Five text fields and no submit button: a form would not submit on Enter by itself.)
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.isComposing) return;
  event.preventDefault();
  post({ source: FRAME_SOURCE, type: 'submit' });
});
document.body.append(form);

function post(message: FrameMessage): void {
  if (parentOrigin) parent.postMessage(message, parentOrigin);
}

/** Digits of the number field, grouped by four as the payer types. */
inputs.number.addEventListener('input', () => {
  const digits = inputs.number.value.replace(/\D/g, '').slice(0, 19);
  inputs.number.value = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
});
inputs.expiry.addEventListener('input', () => {
  const digits = inputs.expiry.value.replace(/\D/g, '').slice(0, 4);
  inputs.expiry.value = digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
});

function readExpiry(): { month: number; year: number } | null {
  const match = /^(\d{2})\s*\/?\s*(\d{2})$/.exec(inputs.expiry.value.trim());
  if (!match) return null;
  const month = Number(match[1]);
  return month >= 1 && month <= 12 ? { month, year: 2000 + Number(match[2]) } : null;
}

function validate(): Partial<Record<CardField, ErrorCode>> {
  const found: Partial<Record<CardField, ErrorCode>> = {};
  const number = inputs.number.value.replace(/\D/g, '');
  for (const spec of FIELDS) if (!inputs[spec.name].value.trim()) found[spec.name] = 'required';
  if (number && !luhn(number)) found.number = 'number_invalid';
  const expiry = readExpiry();
  if (inputs.expiry.value.trim() && !expiry) found.expiry = 'expiry_invalid';
  else if (expiry && cardExpired(expiry.month, expiry.year, new Date())) found.expiry = 'card_expired';
  const cvc = inputs.cvc.value.trim();
  if (cvc && !/^\d{3,4}$/.test(cvc)) found.cvc = 'cvc_invalid';
  return found;
}

function show(found: Partial<Record<CardField, string>>): void {
  for (const spec of FIELDS) {
    const code = found[spec.name] as ErrorCode | undefined;
    inputs[spec.name].setAttribute('aria-invalid', code ? 'true' : 'false');
    errors[spec.name].textContent = code ? TEXT[code] : '';
  }
  post({ source: FRAME_SOURCE, type: 'validation', errors: found });
}

/** Field codes of the server's answer, in the frame's terms. */
const SERVER_FIELDS: Record<string, [CardField, ErrorCode]> = {
  number: ['number', 'number_invalid'],
  expMonth: ['expiry', 'card_expired'],
  expYear: ['expiry', 'expiry_invalid'],
  cvc: ['cvc', 'cvc_invalid'],
  holder: ['holder', 'required'],
  postalCode: ['postalCode', 'required'],
};

async function tokenize(funding: 'credit' | 'debit' | undefined): Promise<void> {
  const found = validate();
  show(found);
  if (Object.keys(found).length) return;
  const expiry = readExpiry()!;
  // The API lives beside the frame: /card-frame → /api/v1 (also under a path prefix).
  const api = location.pathname.replace(/card-frame\/?$/, 'api/v1/card-tokens');
  let response: Response;
  try {
    response = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        holder: inputs.holder.value.trim(),
        number: inputs.number.value.replace(/\D/g, ''),
        expMonth: expiry.month,
        expYear: expiry.year,
        cvc: inputs.cvc.value.trim(),
        postalCode: inputs.postalCode.value.trim(),
        ...(funding ? { funding } : {}),
      }),
    });
  } catch {
    post({ source: FRAME_SOURCE, type: 'error', code: 'network_error' });
    return;
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 201) {
    // What was typed is not needed any more: the frame keeps none of it.
    inputs.number.value = '';
    inputs.cvc.value = '';
    post({
      source: FRAME_SOURCE,
      type: 'token',
      token: String(body['token']),
      method: body['method'] as { type: 'card'; brand: string | null; last4: string | null },
      expMonth: (body['expMonth'] as number) ?? null,
      expYear: (body['expYear'] as number) ?? null,
    });
    return;
  }
  const fieldErrors = (body['fieldErrors'] ?? {}) as Record<string, string>;
  const mapped: Partial<Record<CardField, ErrorCode>> = {};
  for (const key of Object.keys(fieldErrors)) {
    const target = SERVER_FIELDS[key];
    if (target) mapped[target[0]] = target[1];
  }
  if (Object.keys(mapped).length) show(mapped);
  else {
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    post({
      source: FRAME_SOURCE,
      type: 'error',
      code: String(body['code'] ?? 'internal_error'),
      ...(retryAfter ? { retryAfter } : {}),
    });
  }
}

window.addEventListener('message', (event: MessageEvent<ParentMessage>) => {
  // Only the embedding page, and only its messages.
  if (event.origin !== parentOrigin || event.source !== parent || event.data?.source !== PARENT_SOURCE) return;
  if (event.data.type === 'tokenize') void tokenize(event.data.funding);
  else if (event.data.type === 'focus') inputs[event.data.field]?.focus();
});

new ResizeObserver(() => {
  post({
    source: FRAME_SOURCE,
    type: 'resize',
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
  });
}).observe(document.documentElement);
post({ source: FRAME_SOURCE, type: 'ready' });
