/**
 * English messages of <ups-user-admin> that its first render needs: the list,
 * the tabs, the single-administrator banner and what each role is told. The
 * dialogs, the recovery form and the audit log bring theirs
 * (user-admin-forms.ts).
 */
export default {
  'userAdmin.title': 'Manage users',
  'userAdmin.tabs': 'User administration',
  'userAdmin.tab.users': 'Users',
  'userAdmin.tab.audit': 'Audit log',
  'userAdmin.tab.recovery': 'Administrator recovery',
  'userAdmin.loading': 'Loading users…',
  'userAdmin.error': 'The users could not be loaded.',
  'userAdmin.partError': 'This part of the page could not be loaded.',
  'userAdmin.add': 'Add user',
  'userAdmin.search.label': 'Search users',
  'userAdmin.search.hint': 'Part of a user ID, a name or an e-mail address.',
  'userAdmin.search.clear': 'Clear search',
  'userAdmin.empty': 'No users to show.',
  'userAdmin.emptySearch': 'No user matches “{q}”.',
  'userAdmin.count.one': '{count} user',
  'userAdmin.count.other': '{count} users',
  'userAdmin.caption': 'Users, their roles and the accounts and plans they may see',
  'userAdmin.col.userId': 'User ID',
  'userAdmin.col.name': 'Name',
  'userAdmin.col.email': 'E-mail',
  'userAdmin.col.role': 'Role',
  'userAdmin.col.scope': 'Accounts and plans',
  'userAdmin.col.lastSignIn': 'Last sign-in',
  'userAdmin.col.actions': 'Actions',
  'userAdmin.role.administrator': 'Administrator',
  'userAdmin.role.manager': 'Manager',
  'userAdmin.role.payer': 'Payer',
  'userAdmin.role.viewer': 'Viewer',
  'userAdmin.scope.all': 'All accounts and plans',
  'userAdmin.scope.none': 'No accounts or plans',
  'userAdmin.scope.plans': 'Plans: {list}',
  'userAdmin.scope.accounts': 'Accounts: {list}',
  'userAdmin.never': 'Never',
  'userAdmin.you': 'you',
  'userAdmin.action.edit': 'Edit',
  'userAdmin.action.remove': 'Remove',
  'userAdmin.lastAdmin':
    'The only administrator: cannot be removed or given another role until another user is an administrator.',
  'userAdmin.banner.title': 'Your company has only one administrator',
  'userAdmin.banner.text':
    'To keep the UPS Billing Center running without interruption, name a backup administrator. The billing center supports several administrators, and we strongly recommend giving administrator rights to more than one user.',
  'userAdmin.banner.add': 'Add an administrator',
  'userAdmin.banner.askAdmin':
    'Ask your administrator to give the administrator role to a second person, before anyone leaves unexpectedly.',
  'userAdmin.managerLimits':
    'As a manager, you see and manage the users whose accounts and plans all lie within yours ({scope}). You can give them only those accounts and plans, and you cannot make anyone an administrator.',
  'userAdmin.noAccess':
    'Your role ({role}) does not include managing users. To add a user or change a role, ask an administrator of your company.',
  'userAdmin.pager.label': 'Pages of users',
  'userAdmin.error.not_found':
    'This user no longer exists, or is no longer yours to manage. The list has been refreshed.',
} as const;
