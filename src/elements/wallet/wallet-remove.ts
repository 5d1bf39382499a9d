/**
 * Removing a method, after a confirmation. When AutoPay rules pay with it,
 * the user decides, rule by rule, to switch it to another usable method or
 * to suspend it: the form sends nothing until each rule has its decision,
 * so no rule is ever left pointing at nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RuleDecision, WalletMethod } from '../../api/schemas/wallet.js';
import { renderFieldError, type FieldContext } from '../../internal/fields.js';
import { methodName } from './wallet-views.js';

export const ruleField = (ruleId: string) => `rule-${ruleId}`;

/**
 * The decision for each rule, or the message of each rule still without
 * one. A choice of a method that is no longer usable counts as none.
 */
export function readDecisions(
  ctx: FieldContext,
  method: WalletMethod,
  others: readonly WalletMethod[],
): { decisions: RuleDecision[]; errors: Record<string, string> } {
  const decisions: RuleDecision[] = [];
  const errors: Record<string, string> = {};
  for (const { ruleId } of method.usedBy) {
    const choice = ctx.value(ruleField(ruleId));
    if (choice === 'suspend') decisions.push({ ruleId, action: 'suspend' });
    else if (others.some((other) => other.id === choice))
      decisions.push({ ruleId, action: 'switch', methodId: choice });
    else errors[ruleField(ruleId)] = ctx.i18n.t('wallet.field.decision_required');
  }
  return { decisions, errors };
}

export interface RemoveProps {
  ctx: FieldContext;
  method: WalletMethod;
  name: string;
  /** The user's other methods a rule may switch to: not expired. */
  others: readonly WalletMethod[];
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  onSubmit: (event: Event) => void;
  onKeep: () => void;
}

function renderRule(props: RemoveProps, use: WalletMethod['usedBy'][number]): TemplateResult {
  const { ctx, others } = props;
  const { i18n } = ctx;
  const id = ruleField(use.ruleId);
  const invalid = Boolean(ctx.error(id));
  const choice = ctx.value(id);
  const option = (value: string, label: string) =>
    html`<label class="choice"
      ><input
        type="radio"
        name=${id}
        value=${value}
        .checked=${choice === value}
        aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(event: Event) => ctx.onInput(id, event)}
      />
      ${label}</label
    >`;
  const scope = i18n.t(`wallet.scope.${use.scope.type}`, { number: use.scope.number });
  return html`<fieldset class="rule" id=${id} aria-describedby=${invalid ? `${id}-error` : nothing}>
    <legend>${i18n.t('wallet.remove.rule', { scope })}</legend>
    ${others.map((other) => option(other.id, i18n.t('wallet.remove.switch', { method: methodName(i18n, other) })))}
    ${option('suspend', i18n.t('wallet.remove.suspend'))}
    ${others.length ? nothing : html`<p class="hint">${i18n.t('wallet.remove.noOther')}</p>`}
    ${renderFieldError(ctx, id)}
  </fieldset>`;
}

export function renderRemove(props: RemoveProps): TemplateResult {
  const { ctx, method, busy } = props;
  const { i18n } = ctx;
  const rules = method.usedBy;
  return html`<form class="dialog-form" novalidate @submit=${props.onSubmit}>
    <h3 id="remove-title">${i18n.t('wallet.remove.title', { method: props.name })}</h3>
    <p id="remove-text">${i18n.t('wallet.remove.text')}</p>
    ${props.summary}
    ${
      rules.length
        ? html`<p>${i18n.t('wallet.remove.rules')}</p>
            ${rules.map((use) => renderRule(props, use))}`
        : nothing
    }
    <div class="dialog-actions">
      <button type="button" class="button" ?autofocus=${!rules.length} @click=${props.onKeep}>
        ${i18n.t('wallet.remove.keep')}
      </button>
      <button type="submit" class="button primary danger" aria-disabled=${busy ? 'true' : 'false'}>
        ${i18n.t(busy ? 'wallet.remove.busy' : 'wallet.remove.confirm')}
      </button>
    </div>
  </form>`;
}
