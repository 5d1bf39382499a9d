/**
 * The user form of <ups-user-admin>, for adding and for editing: user ID
 * (when adding; it never changes), e-mail, name, one of the four roles with
 * what each may do, and the accounts and plans the user may see — hidden for
 * an administrator, who sees everything. A manager is offered neither the
 * administrator role nor anything beyond its own scope, and is told so; the
 * last administrator's role cannot change, and the form says why.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { PARSE_OPTIONS, toFieldErrors } from '../../api/field-errors.js';
import type { Account, Plan } from '../../api/schemas/account.js';
import { ROLES, type Role } from '../../api/schemas/session.js';
import type { CreateUserRequest, ManagedUser, ScopeRequest, UpdateUserRequest } from '../../api/schemas/users.js';
import type { I18n } from '../../internal/i18n.js';
import { fieldMessage, renderField, renderFieldError, type FieldContext } from './user-admin-fields.js';
import { roleName, userLabel } from './user-admin-list.js';
import { renderHelpLinks } from '../../internal/help-links.js';

/** The server's field path → the form field that shows its message. */
const fieldOf = (path: string) => (path.startsWith('scope') ? 'scope' : path);

/**
 * Field codes as the form shows them, by field. A scope entry refused is
 * named (the form lists them all): `scope.accounts.1` is the second account sent.
 */
export function scopedMessages(
  i18n: I18n,
  fieldErrors: Readonly<Record<string, string>>,
  scope: ScopeRequest | null,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, code] of Object.entries(fieldErrors)) {
    const entry = /^scope\.(accounts|plans)\.(\d+)$/.exec(path);
    const number = entry && scope ? scope[entry[1] as 'accounts' | 'plans'][Number(entry[2])] : undefined;
    const message = number
      ? i18n.t(entry![1] === 'accounts' ? 'userAdmin.field.scope.account' : 'userAdmin.field.scope.plan', { number })
      : fieldMessage(i18n, fieldOf(path), code);
    errors[fieldOf(path)] ??= message;
  }
  return errors;
}

type Schema = typeof CreateUserRequest | typeof UpdateUserRequest;

/**
 * What the contract refuses, field by field, and a scope left empty (the
 * seed: choose the accounts and/or plans): all of it before anything is sent.
 */
export function checkUser(
  i18n: I18n,
  schema: Schema,
  body: object,
  role: Role,
  scope: ScopeRequest,
): Record<string, string> {
  const errors: Record<string, string> = {};
  // An empty field is missing, not malformed: say so, whatever its format rule would.
  for (const [id, value] of Object.entries(body)) if (value === '') errors[id] = i18n.t('field.required');
  const result = schema.safeParse(body, PARSE_OPTIONS);
  if (!result.success) {
    for (const [id, message] of Object.entries(scopedMessages(i18n, toFieldErrors(result.error.issues), scope))) {
      errors[id] ??= message;
    }
  }
  if (role !== 'administrator' && !scope.accounts.length && !scope.plans.length) {
    errors['scope'] = i18n.t('userAdmin.field.scope.required');
  }
  // "Nothing to change" is no error: an unchanged form just closes.
  delete errors['_'];
  return errors;
}

const sameList = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

/** Only what changed: an unchanged form sends nothing. */
export function userPatch(
  user: ManagedUser,
  form: { role: Role; scope: ScopeRequest; name: string; email: string },
): UpdateUserRequest {
  const patch: UpdateUserRequest = {};
  if (form.role !== user.role) patch.role = form.role;
  const scopeChanged =
    !sameList(form.scope.accounts, user.scope.accounts) || !sameList(form.scope.plans, user.scope.plans);
  // An administrator's scope is the whole company: no lists to send.
  if (form.role !== 'administrator' && scopeChanged) patch.scope = form.scope;
  if (form.name !== user.name) patch.name = form.name;
  if (form.email !== user.email) patch.email = form.email;
  return patch;
}

export interface ScopeOptions {
  accounts: readonly Account[];
  plans: readonly Plan[];
}

export interface FormProps {
  ctx: FieldContext;
  /** The user edited; null when adding. */
  user: ManagedUser | null;
  role: Role;
  /** The caller is a manager: no administrator role, scope within its own. */
  manager: boolean;
  /** The user edited is the company's only administrator: the role stays. */
  lastAdmin: boolean;
  accounts: readonly string[];
  plans: readonly string[];
  /** The accounts and plans offered, or where loading them stands. */
  options: { status: 'loading' } | { status: 'error'; message: string; retry: () => void } | ScopeOptions;
  busy: boolean;
  summary: TemplateResult | typeof nothing;
  onRole: (role: Role) => void;
  onScope: (kind: 'accounts' | 'plans', number: string, on: boolean) => void;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
}

function renderRoles(props: FormProps): TemplateResult {
  const { ctx, manager, lastAdmin } = props;
  const { i18n } = ctx;
  const offered = ROLES.filter((role) => !manager || role !== 'administrator');
  const invalid = Boolean(ctx.error('role'));
  const note = manager
    ? i18n.t('userAdmin.form.managerNote')
    : lastAdmin
      ? i18n.t('userAdmin.form.lastAdminNote', { user: userLabel(props.user!) })
      : '';
  const described = [note ? 'role-note' : '', invalid ? 'role-error' : ''].filter(Boolean).join(' ');
  return html`<fieldset id="role" class="roles" aria-describedby=${described || nothing}>
    <legend>${i18n.t('userAdmin.form.role')}</legend>
    ${offered.map(
      (role) =>
        html`<div class="role-option">
          <label class="choice"
            ><input
              type="radio"
              name="role"
              value=${role}
              .checked=${role === props.role}
              ?disabled=${lastAdmin && role !== 'administrator'}
              aria-describedby="role-hint-${role}"
              aria-invalid=${invalid ? 'true' : 'false'}
              @change=${() => props.onRole(role)}
            />
            ${roleName(i18n, role)}</label
          >
          <span class="hint" id="role-hint-${role}">${i18n.t(`userAdmin.form.roleHint.${role}`)}</span>
        </div>`,
    )}
    ${note ? html`<p class="note" id="role-note">${note}</p>` : nothing} ${renderFieldError(ctx, 'role')}
  </fieldset>`;
}

function renderChoices(
  props: FormProps,
  kind: 'accounts' | 'plans',
  items: readonly { number: string; label: string }[],
): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const chosen = kind === 'accounts' ? props.accounts : props.plans;
  const invalid = Boolean(props.ctx.error('scope'));
  return html`<fieldset class="group">
    <legend>${props.ctx.i18n.t(kind === 'accounts' ? 'userAdmin.form.accounts' : 'userAdmin.form.plans')}</legend>
    ${items.map(
      (item) =>
        html`<label class="choice"
          ><input
            type="checkbox"
            name=${kind}
            value=${item.number}
            .checked=${chosen.includes(item.number)}
            aria-invalid=${invalid ? 'true' : 'false'}
            @change=${(event: Event) => props.onScope(kind, item.number, (event.target as HTMLInputElement).checked)}
          />
          ${item.label}</label
        >`,
    )}
  </fieldset>`;
}

function renderScope(props: FormProps): TemplateResult {
  const { ctx, options } = props;
  const { i18n } = ctx;
  if (props.role === 'administrator') {
    return html`<p class="note scope-all">${i18n.t('userAdmin.form.scopeAll')}</p>`;
  }
  const invalid = Boolean(ctx.error('scope'));
  let choices: TemplateResult;
  if ('status' in options) {
    choices =
      options.status === 'loading'
        ? html`<p role="status">${i18n.t('userAdmin.form.scopeLoading')}</p>`
        : html`<div class="notice error" role="alert">
            <p>${i18n.t('userAdmin.form.scopeError')} ${options.message}</p>
            <button type="button" class="button" @click=${options.retry}>${i18n.t('common.retry')}</button>
            ${renderHelpLinks(i18n, 'common.helpLead')}
          </div>`;
  } else {
    const plans = options.plans.map((plan) => ({ number: plan.number, label: `${plan.number} — ${plan.name}` }));
    const accounts = options.accounts.map((account) => ({
      number: account.number,
      label: `${account.number} — ${account.nickname ?? account.name}`,
    }));
    choices = html`<div class="choices">
      ${renderChoices(props, 'plans', plans)} ${renderChoices(props, 'accounts', accounts)}
    </div>`;
  }
  return html`<fieldset id="scope" class="scope" aria-describedby=${invalid ? 'scope-hint scope-error' : 'scope-hint'}>
    <legend>${i18n.t('userAdmin.form.scope')}</legend>
    <p class="hint" id="scope-hint">
      ${i18n.t('userAdmin.form.scopeHint')} ${props.manager ? i18n.t('userAdmin.form.scopeManagerHint') : nothing}
    </p>
    ${choices} ${renderFieldError(ctx, 'scope')}
  </fieldset>`;
}

export function renderUserForm(props: FormProps): TemplateResult {
  const { ctx, user, busy } = props;
  const { i18n } = ctx;
  const adding = !user;
  return html`<form class="dialog-form" novalidate @submit=${props.onSubmit}>
    <h3 id="user-title">
      ${adding ? i18n.t('userAdmin.form.addTitle') : i18n.t('userAdmin.form.editTitle', { user: userLabel(user) })}
    </h3>
    ${props.summary}
    ${
      adding
        ? renderField(ctx, 'userId', 'userAdmin.form.userId', {
            hint: 'userAdmin.form.userIdHint',
            maxlength: 40,
            autofocus: true,
          })
        : nothing
    }
    ${renderField(ctx, 'email', 'userAdmin.form.email', { type: 'email', maxlength: 254, autofocus: !adding })}
    ${renderField(ctx, 'name', 'userAdmin.form.name', { maxlength: 80 })} ${renderRoles(props)} ${renderScope(props)}
    <div class="dialog-actions">
      <button type="button" class="button" @click=${props.onCancel}>${i18n.t('userAdmin.cancel')}</button>
      <button type="submit" class="button primary" aria-disabled=${busy ? 'true' : 'false'}>
        ${
          adding
            ? i18n.t(busy ? 'userAdmin.form.adding' : 'userAdmin.form.add')
            : i18n.t(busy ? 'userAdmin.form.saving' : 'userAdmin.form.save')
        }
      </button>
    </div>
  </form>`;
}
