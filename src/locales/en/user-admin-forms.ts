/**
 * English messages of <ups-user-admin>'s parts loaded on demand: the add,
 * edit and remove dialogs, the temporary password, the administrator
 * recovery form and the audit log.
 */
export default {
  'userAdmin.summary.title': 'There is a problem',
  'userAdmin.cancel': 'Cancel',
  'userAdmin.close': 'Close',

  // The user form (add and edit)
  'userAdmin.form.addTitle': 'Add a user',
  'userAdmin.form.editTitle': 'Edit {user}',
  'userAdmin.form.userId': 'User ID',
  'userAdmin.form.userIdHint':
    'The name they sign in with: 3 to 40 letters, digits, dots, hyphens or underscores. It cannot be changed later.',
  'userAdmin.form.email': 'E-mail address',
  'userAdmin.form.name': 'Name',
  'userAdmin.form.role': 'Role',
  'userAdmin.form.roleHint.administrator':
    'Everything, for every account and plan: users and roles, accounts and enrollment, payments and AutoPay.',
  'userAdmin.form.roleHint.manager':
    'For their accounts and plans: pay, set up AutoPay, XML enrollment, and manage users within them (never administrators).',
  'userAdmin.form.roleHint.payer': 'For their accounts and plans: view, download, pay and dispute invoices.',
  'userAdmin.form.roleHint.viewer': 'For their accounts and plans: view, download and print invoices only.',
  'userAdmin.form.managerNote': 'Only an administrator can make someone an administrator.',
  'userAdmin.form.lastAdminNote':
    '{user} is the only administrator, so the role cannot change until another user is an administrator.',
  'userAdmin.form.scope': 'Accounts and plans this user may see',
  'userAdmin.form.scopeHint':
    'Choose accounts, billing plans, or both. A plan gives every account billed through it, including accounts added to it later.',
  'userAdmin.form.scopeManagerHint': 'You can give only accounts and plans within your own.',
  'userAdmin.form.scopeAll': 'Administrators see every account and plan of the company.',
  'userAdmin.form.plans': 'Billing plans',
  'userAdmin.form.accounts': 'Accounts',
  'userAdmin.form.scopeLoading': 'Loading accounts and plans…',
  'userAdmin.form.scopeError': 'The accounts and plans could not be loaded.',
  'userAdmin.form.add': 'Add user',
  'userAdmin.form.adding': 'Adding…',
  'userAdmin.form.save': 'Save changes',
  'userAdmin.form.saving': 'Saving…',
  'userAdmin.created': '{user} added.',
  'userAdmin.updated': '{user} updated.',
  'userAdmin.removed': '{user} removed.',

  // The temporary password, shown once
  'userAdmin.password.title': '{user} added',
  'userAdmin.password.label': 'Temporary password',
  'userAdmin.password.note':
    'Give {name} this temporary password in a secure way, with the user ID {userId}. It will not be shown again: the billing center keeps only a scrambled form of it.',
  'userAdmin.password.copy': 'Copy password',
  'userAdmin.password.copied': 'Password copied.',
  'userAdmin.password.copyFailed': 'The password could not be copied: it is selected, copy it with your keyboard.',
  'userAdmin.password.done': 'Done',

  // Removing
  'userAdmin.remove.title': 'Remove {user}?',
  'userAdmin.remove.text':
    'They will no longer be able to sign in, and any session they have ends now. What they did stays in the audit log.',
  'userAdmin.remove.self': 'This is you: you will be signed out.',
  'userAdmin.remove.keep': 'Keep user',
  'userAdmin.remove.confirm': 'Remove user',
  'userAdmin.remove.busy': 'Removing…',

  // Field messages, by field and code, then by code
  'userAdmin.field.userId.taken':
    'This user ID is already taken. User IDs are unique across the billing center: choose another.',
  'userAdmin.field.userId.invalid_format':
    'Use 3 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or a digit.',
  'userAdmin.field.email.invalid_format': 'Enter an e-mail address in the form name@example.com.',
  'userAdmin.field.role.not_allowed': 'Only an administrator can make someone an administrator.',
  'userAdmin.field.role.last_administrator':
    'This is the last administrator: make another user administrator first, then change this role.',
  'userAdmin.field.scope.required': 'Choose at least one account or plan.',
  'userAdmin.field.scope.account': 'Account {number} is not one you can give.',
  'userAdmin.field.scope.plan': 'Plan {number} is not one you can give.',
  'userAdmin.error.last_administrator':
    'The last administrator cannot be removed or given another role. Make another user administrator first.',
  'userAdmin.error.forbidden': 'Your role does not allow this change.',

  // Administrator recovery
  'userAdmin.recovery.title': 'Administrator recovery',
  'userAdmin.recovery.intro':
    'Sometimes an administrator leaves the company unexpectedly. If your company has no administrator left, ask UPS to make someone administrator. Have ready the user ID and e-mail address of the previous administrator, and the user ID and e-mail address of the person who will become administrator.',
  'userAdmin.recovery.approval':
    'UPS operations check each request with your company before approving it. The new administrator is then an existing user of your company given the role, or a new user who receives a temporary password from UPS.',
  'userAdmin.recovery.adminNote':
    'As an administrator, you can name another administrator yourself, under Users. Requests filed by anyone in your company are listed below.',
  'userAdmin.recovery.previous': 'Previous administrator',
  'userAdmin.recovery.new': 'New administrator',
  'userAdmin.recovery.userId': 'User ID',
  'userAdmin.recovery.email': 'E-mail address',
  'userAdmin.recovery.newName': 'Name (for a new user; optional)',
  'userAdmin.recovery.submit': 'Send request',
  'userAdmin.recovery.busy': 'Sending…',
  'userAdmin.recovery.sent': 'Request sent. UPS operations will check it; its status is below.',
  'userAdmin.recovery.mine': 'Your requests',
  'userAdmin.recovery.all': 'Requests',
  'userAdmin.recovery.loading': 'Loading requests…',
  'userAdmin.recovery.error': 'The requests could not be loaded.',
  'userAdmin.recovery.empty': 'No requests yet.',
  'userAdmin.recovery.col.filed': 'Filed',
  'userAdmin.recovery.col.previous': 'Previous administrator',
  'userAdmin.recovery.col.new': 'New administrator',
  'userAdmin.recovery.col.by': 'Filed by',
  'userAdmin.recovery.col.status': 'Status',
  'userAdmin.recovery.status.pending': 'Pending: waiting for UPS operations',
  'userAdmin.recovery.status.approved': 'Approved {date}',
  'userAdmin.recovery.removedUser': 'A removed user',
  'userAdmin.field.previous.recovery_mismatch':
    'These details do not match an administrator of your company. Check the user ID and the e-mail address.',
  'userAdmin.field.newAdminEmail.recovery_mismatch':
    'A user of your company has this user ID with another e-mail address. Check both.',
  'userAdmin.field.newAdminUserId.already_administrator': 'This user is already an administrator.',
  'userAdmin.field.newAdminUserId.taken':
    'This user ID belongs to a user of another company. Choose another user ID for the new administrator.',

  // The audit log
  'userAdmin.audit.title': 'Audit log',
  'userAdmin.audit.filter': 'Action',
  'userAdmin.audit.filter.all': 'All actions',
  'userAdmin.audit.filter.users.': 'Users: all changes',
  'userAdmin.audit.filter.users.create': 'Users added',
  'userAdmin.audit.filter.users.update': 'Users changed',
  'userAdmin.audit.filter.users.remove': 'Users removed',
  'userAdmin.audit.filter.recovery.': 'Administrator recovery',
  'userAdmin.audit.filter.session.': 'Sign-ins',
  'userAdmin.audit.filter.payment.': 'Payments',
  'userAdmin.audit.filter.autopay.': 'AutoPay',
  'userAdmin.audit.filter.wallet.': 'Payment methods',
  'userAdmin.audit.filter.documents.': 'Downloads',
  'userAdmin.audit.loading': 'Loading the audit log…',
  'userAdmin.audit.error': 'The audit log could not be loaded.',
  'userAdmin.audit.empty': 'Nothing recorded yet.',
  'userAdmin.audit.caption': 'Who did what, and when, newest first',
  'userAdmin.audit.col.when': 'When',
  'userAdmin.audit.col.who': 'Who',
  'userAdmin.audit.col.action': 'What',
  'userAdmin.audit.col.target': 'Target',
  'userAdmin.audit.col.details': 'Details',
  'userAdmin.audit.system': 'UPS (automatic or operations)',
  'userAdmin.audit.count.one': '{count} entry',
  'userAdmin.audit.count.other': '{count} entries',
  'userAdmin.audit.pager': 'Pages of the audit log',
  'userAdmin.audit.action.users.create': 'User added',
  'userAdmin.audit.action.users.update': 'User changed',
  'userAdmin.audit.action.users.remove': 'User removed',
  'userAdmin.audit.action.recovery.create': 'Administrator recovery requested',
  'userAdmin.audit.action.recovery.approve': 'Administrator recovery approved',
  'userAdmin.audit.action.session.sign_in': 'Signed in',
  'userAdmin.audit.action.session.sign_in_failed': 'Sign-in failed',
  'userAdmin.audit.action.payment.create': 'Payment made',
  'userAdmin.audit.action.payment.schedule': 'Payment scheduled',
  'userAdmin.audit.action.payment.cancel': 'Payment cancelled',
  'userAdmin.audit.action.payment.failed': 'Payment failed',
  'userAdmin.audit.action.autopay.create': 'AutoPay rule created',
  'userAdmin.audit.action.autopay.update': 'AutoPay rule changed',
  'userAdmin.audit.action.autopay.cancel': 'AutoPay rule cancelled',
  'userAdmin.audit.action.autopay.rule_ended': 'AutoPay rule ended',
  'userAdmin.audit.action.autopay.rule_suspended': 'AutoPay rule suspended',
  'userAdmin.audit.action.autopay.switch_method': 'AutoPay rule moved to another payment method',
  'userAdmin.audit.action.autopay.suspend': 'AutoPay rule suspended with its payment method',
  'userAdmin.audit.action.autopay.invoice_paid': 'AutoPay paid an invoice',
  'userAdmin.audit.action.autopay.invoice_scheduled': 'AutoPay scheduled a payment',
  'userAdmin.audit.action.autopay.invoice_failed': 'AutoPay payment failed',
  'userAdmin.audit.action.autopay.invoice_skipped': 'AutoPay skipped an invoice over the maximum',
  'userAdmin.audit.action.wallet.add': 'Payment method added',
  'userAdmin.audit.action.wallet.update': 'Payment method changed',
  'userAdmin.audit.action.wallet.remove': 'Payment method removed',
  'userAdmin.audit.action.documents.export': 'Invoices downloaded',
  'userAdmin.audit.detail.role': 'Role: {role}',
  'userAdmin.audit.detail.roleChange': 'Role: {from} → {to}',
  'userAdmin.audit.detail.scope': 'Accounts and plans changed',
  'userAdmin.audit.detail.name': 'Name changed',
  'userAdmin.audit.detail.email': 'E-mail changed',
  'userAdmin.audit.detail.newAdmin': 'New administrator: {userId}',
} as const;
