/**
 * Choosing how to pay: the payer's saved methods, then the new ones the
 * server offers in the invoice's country. A method that cannot pay some
 * invoices of the cart (a card cannot pay duties and taxes) is disabled and
 * says which.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PaymentType, PaymentTypes } from '../../api/schemas/payment.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import type { I18n } from '../../internal/i18n.js';
import { renderMethod } from '../../internal/receipt.js';
import { type Line } from './pay-form-cart.js';
import { renderFieldError, type FieldContext } from '../../internal/fields.js';

export type Choice = { kind: 'saved'; id: string } | { kind: 'new'; type: PaymentType };

export const CARD_TYPES = new Set<PaymentType>(['credit_card', 'debit_card', 'card']);

export interface MethodOption {
  choice: Choice;
  label: string | TemplateResult;
  /** Invoices of the cart this method cannot pay. */
  refused: Line[];
}

const sameChoice = (a: Choice | null, b: Choice) =>
  a?.kind === b.kind &&
  (a.kind === 'saved' ? a.id === (b as { id: string }).id : a.type === (b as { type: string }).type);

export function methodOptions(
  i18n: I18n,
  lines: readonly Line[],
  types: PaymentTypes,
  wallet: readonly WalletMethod[],
): MethodOption[] {
  const refused = (type: string) => {
    const option = types.types.find((t) => t.type === type);
    return option ? lines.filter((line) => line.amount > 0 && option.excludedInvoiceTypes.includes(line.type)) : [];
  };
  // A saved card follows the rules of the country's card type.
  const cardType = types.types.find((t) => CARD_TYPES.has(t.type))?.type ?? 'card';
  return [
    ...wallet
      .filter((saved) => !saved.expired)
      .map((saved) => ({
        choice: { kind: 'saved', id: saved.id } as Choice,
        label: renderMethod(i18n, saved.method, saved.nickname),
        refused: refused(saved.method.type === 'card' ? cardType : saved.method.type),
      })),
    ...types.types.map((option) => ({
      choice: { kind: 'new', type: option.type } as Choice,
      label: i18n.t(`payForm.method.${option.type}`),
      refused: refused(option.type),
    })),
  ];
}

export function renderMethods(
  ctx: FieldContext,
  options: {
    methods: readonly MethodOption[];
    selected: Choice | null;
    mixed: boolean;
    onChoose: (choice: Choice) => void;
  },
): TemplateResult {
  const { i18n } = ctx;
  const invalid = Boolean(ctx.error('method-0'));
  return html`<fieldset class="methods" aria-describedby=${invalid ? 'method-0-error' : nothing}>
    <legend>${i18n.t('payForm.method.legend')}</legend>
    ${options.mixed ? html`<p class="hint">${i18n.t('payForm.method.mixed')}</p>` : nothing}
    ${options.methods.map(({ choice, label, refused }, index) => {
      const id = `method-${index}`;
      return html`<div class="method">
        <label class="choice" for=${id}>
          <input
            id=${id}
            type="radio"
            name="method"
            .checked=${sameChoice(options.selected, choice)}
            ?disabled=${refused.length > 0}
            aria-describedby=${refused.length ? `${id}-refused` : nothing}
            @change=${() => options.onChoose(choice)}
          />
          ${label}
        </label>
        ${
          refused.length
            ? html`<span class="hint" id="${id}-refused"
                >${i18n.t('payForm.method.cannotPay', { invoices: refused.map((l) => l.number).join(', ') })}</span
              >`
            : nothing
        }
      </div>`;
    })}
    ${renderFieldError(ctx, 'method-0')}
  </fieldset>`;
}
