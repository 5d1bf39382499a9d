/**
 * Messages en français des parties de <ups-user-admin> chargées à la demande :
 * dialogues d’ajout, de modification et de suppression, mot de passe
 * temporaire, récupération administrateur et journal d’audit.
 */
import type forms from '../en/user-admin-forms.js';
import type { Translation } from '../types.js';

export default {
  'userAdmin.summary.title': 'Un problème est survenu',
  'userAdmin.cancel': 'Annuler',
  'userAdmin.close': 'Fermer',

  'userAdmin.form.addTitle': 'Ajouter un utilisateur',
  'userAdmin.form.editTitle': 'Modifier {user}',
  'userAdmin.form.userId': 'Numéro d’utilisateur',
  'userAdmin.form.userIdHint':
    'L’identifiant de connexion : 3 à 40 lettres, chiffres, points, traits d’union ou tirets bas. Il ne pourra plus être modifié.',
  'userAdmin.form.email': 'Adresse électronique',
  'userAdmin.form.name': 'Nom',
  'userAdmin.form.role': 'Rôle',
  'userAdmin.form.roleHint.administrator':
    'Tout, pour tous les comptes et plans : utilisateurs et rôles, comptes et inscriptions, paiements et paiements automatiques.',
  'userAdmin.form.roleHint.manager':
    'Pour ses comptes et plans : payer, programmer des paiements automatiques, inscription XML, et gérer les utilisateurs qui en relèvent (jamais des administrateurs).',
  'userAdmin.form.roleHint.payer':
    'Pour ses comptes et plans : consulter, télécharger, payer et contester les factures.',
  'userAdmin.form.roleHint.viewer':
    'Pour ses comptes et plans : consulter, télécharger et imprimer les factures uniquement.',
  'userAdmin.form.managerNote': 'Seul un administrateur peut nommer un administrateur.',
  'userAdmin.form.lastAdminNote':
    '{user} est le seul administrateur : son rôle ne peut pas changer tant qu’aucun autre utilisateur n’est administrateur.',
  'userAdmin.form.scope': 'Comptes et plans que cet utilisateur peut voir',
  'userAdmin.form.scopeHint':
    'Choisissez des comptes, des plans de facturation, ou les deux. Un plan donne accès à tous les comptes facturés par son intermédiaire, y compris ceux qui y seront ajoutés.',
  'userAdmin.form.scopeManagerHint': 'Vous ne pouvez attribuer que des comptes et plans qui font partie des vôtres.',
  'userAdmin.form.scopeAll': 'Les administrateurs voient tous les comptes et plans de l’entreprise.',
  'userAdmin.form.plans': 'Plans de facturation',
  'userAdmin.form.accounts': 'Comptes',
  'userAdmin.form.scopeLoading': 'Chargement des comptes et plans…',
  'userAdmin.form.scopeError': 'Les comptes et plans n’ont pas pu être chargés.',
  'userAdmin.form.add': 'Ajouter l’utilisateur',
  'userAdmin.form.adding': 'Ajout en cours…',
  'userAdmin.form.save': 'Enregistrer',
  'userAdmin.form.saving': 'Enregistrement…',
  'userAdmin.created': '{user} ajouté.',
  'userAdmin.updated': '{user} modifié.',
  'userAdmin.removed': '{user} supprimé.',

  'userAdmin.password.title': '{user} ajouté',
  'userAdmin.password.label': 'Mot de passe temporaire',
  'userAdmin.password.note':
    'Transmettez ce mot de passe temporaire à {name} de manière sûre, avec le numéro d’utilisateur {userId}. Il ne sera plus affiché : le centre de facturation n’en conserve qu’une forme brouillée.',
  'userAdmin.password.copy': 'Copier le mot de passe',
  'userAdmin.password.copied': 'Mot de passe copié.',
  'userAdmin.password.copyFailed':
    'Le mot de passe n’a pas pu être copié : il est sélectionné, copiez-le avec votre clavier.',
  'userAdmin.password.done': 'Terminé',

  'userAdmin.remove.title': 'Supprimer {user} ?',
  'userAdmin.remove.text':
    'Cet utilisateur ne pourra plus se connecter, et ses sessions en cours prennent fin immédiatement. Ses actions restent dans le journal d’audit.',
  'userAdmin.remove.self': 'C’est vous : vous serez déconnecté.',
  'userAdmin.remove.keep': 'Conserver l’utilisateur',
  'userAdmin.remove.confirm': 'Supprimer l’utilisateur',
  'userAdmin.remove.busy': 'Suppression…',

  'userAdmin.field.userId.taken':
    'Ce numéro d’utilisateur est déjà pris. Les numéros d’utilisateur sont uniques dans tout le centre de facturation : choisissez-en un autre.',
  'userAdmin.field.userId.invalid_format':
    'Utilisez 3 à 40 lettres, chiffres, points, traits d’union ou tirets bas, en commençant par une lettre ou un chiffre.',
  'userAdmin.field.email.invalid_format': 'Saisissez une adresse électronique de la forme nom@exemple.fr.',
  'userAdmin.field.role.not_allowed': 'Seul un administrateur peut nommer un administrateur.',
  'userAdmin.field.role.last_administrator':
    'C’est le dernier administrateur : nommez d’abord un autre administrateur, puis changez ce rôle.',
  'userAdmin.field.scope.required': 'Choisissez au moins un compte ou un plan.',
  'userAdmin.field.scope.account': 'Le compte {number} ne fait pas partie de ceux que vous pouvez attribuer.',
  'userAdmin.field.scope.plan': 'Le plan {number} ne fait pas partie de ceux que vous pouvez attribuer.',
  'userAdmin.error.last_administrator':
    'Le dernier administrateur ne peut être ni supprimé ni changé de rôle. Nommez d’abord un autre administrateur.',
  'userAdmin.error.forbidden': 'Votre rôle ne permet pas cette modification.',

  'userAdmin.recovery.title': 'Récupération administrateur',
  'userAdmin.recovery.intro':
    'Il arrive parfois qu’un administrateur quitte l’entreprise de manière inattendue. Si votre entreprise n’a plus d’administrateur, demandez à UPS de nommer quelqu’un administrateur. Munissez-vous du numéro d’utilisateur et de l’adresse électronique de l’administrateur précédent, ainsi que du numéro d’utilisateur et de l’adresse électronique de la personne qui deviendra administrateur.',
  'userAdmin.recovery.approval':
    'Les équipes UPS vérifient chaque demande auprès de votre entreprise avant de l’approuver. Le nouvel administrateur est alors un utilisateur existant de votre entreprise qui reçoit ce rôle, ou un nouvel utilisateur qui reçoit un mot de passe temporaire de la part d’UPS.',
  'userAdmin.recovery.adminNote':
    'En tant qu’administrateur, vous pouvez nommer vous-même un autre administrateur, sous Utilisateurs. Les demandes déposées par les membres de votre entreprise sont listées ci-dessous.',
  'userAdmin.recovery.previous': 'Administrateur précédent',
  'userAdmin.recovery.new': 'Nouvel administrateur',
  'userAdmin.recovery.userId': 'Numéro d’utilisateur',
  'userAdmin.recovery.email': 'Adresse électronique',
  'userAdmin.recovery.newName': 'Nom (pour un nouvel utilisateur ; facultatif)',
  'userAdmin.recovery.submit': 'Envoyer la demande',
  'userAdmin.recovery.busy': 'Envoi…',
  'userAdmin.recovery.sent': 'Demande envoyée. Les équipes UPS vont la vérifier ; son statut figure ci-dessous.',
  'userAdmin.recovery.mine': 'Vos demandes',
  'userAdmin.recovery.all': 'Demandes',
  'userAdmin.recovery.loading': 'Chargement des demandes…',
  'userAdmin.recovery.error': 'Les demandes n’ont pas pu être chargées.',
  'userAdmin.recovery.empty': 'Aucune demande pour l’instant.',
  'userAdmin.recovery.col.filed': 'Déposée le',
  'userAdmin.recovery.col.previous': 'Administrateur précédent',
  'userAdmin.recovery.col.new': 'Nouvel administrateur',
  'userAdmin.recovery.col.by': 'Déposée par',
  'userAdmin.recovery.col.status': 'Statut',
  'userAdmin.recovery.status.pending': 'En attente des équipes UPS',
  'userAdmin.recovery.status.approved': 'Approuvée le {date}',
  'userAdmin.recovery.removedUser': 'Un utilisateur supprimé',
  'userAdmin.field.previous.recovery_mismatch':
    'Ces informations ne correspondent à aucun administrateur de votre entreprise. Vérifiez le numéro d’utilisateur et l’adresse électronique.',
  'userAdmin.field.newAdminEmail.recovery_mismatch':
    'Un utilisateur de votre entreprise a ce numéro d’utilisateur avec une autre adresse électronique. Vérifiez les deux.',
  'userAdmin.field.newAdminUserId.already_administrator': 'Cet utilisateur est déjà administrateur.',
  'userAdmin.field.newAdminUserId.taken':
    'Ce numéro d’utilisateur appartient à un utilisateur d’une autre entreprise. Choisissez-en un autre pour le nouvel administrateur.',

  'userAdmin.audit.title': 'Journal d’audit',
  'userAdmin.audit.filter': 'Action',
  'userAdmin.audit.filter.all': 'Toutes les actions',
  'userAdmin.audit.filter.users.': 'Utilisateurs : toutes les modifications',
  'userAdmin.audit.filter.users.create': 'Utilisateurs ajoutés',
  'userAdmin.audit.filter.users.update': 'Utilisateurs modifiés',
  'userAdmin.audit.filter.users.remove': 'Utilisateurs supprimés',
  'userAdmin.audit.filter.recovery.': 'Récupération administrateur',
  'userAdmin.audit.filter.session.': 'Connexions',
  'userAdmin.audit.filter.payment.': 'Paiements',
  'userAdmin.audit.filter.autopay.': 'Paiements automatiques',
  'userAdmin.audit.filter.wallet.': 'Moyens de paiement',
  'userAdmin.audit.filter.documents.': 'Téléchargements',
  'userAdmin.audit.loading': 'Chargement du journal d’audit…',
  'userAdmin.audit.error': 'Le journal d’audit n’a pas pu être chargé.',
  'userAdmin.audit.empty': 'Rien n’a encore été enregistré.',
  'userAdmin.audit.caption': 'Qui a fait quoi, et quand, du plus récent au plus ancien',
  'userAdmin.audit.col.when': 'Date',
  'userAdmin.audit.col.who': 'Qui',
  'userAdmin.audit.col.action': 'Quoi',
  'userAdmin.audit.col.target': 'Cible',
  'userAdmin.audit.col.details': 'Détails',
  'userAdmin.audit.system': 'UPS (automatique ou équipes UPS)',
  'userAdmin.audit.count.one': '{count} entrée',
  'userAdmin.audit.count.other': '{count} entrées',
  'userAdmin.audit.pager': 'Pages du journal d’audit',
  'userAdmin.audit.action.users.create': 'Utilisateur ajouté',
  'userAdmin.audit.action.users.update': 'Utilisateur modifié',
  'userAdmin.audit.action.users.remove': 'Utilisateur supprimé',
  'userAdmin.audit.action.recovery.create': 'Récupération administrateur demandée',
  'userAdmin.audit.action.recovery.approve': 'Récupération administrateur approuvée',
  'userAdmin.audit.action.session.sign_in': 'Connexion',
  'userAdmin.audit.action.session.sign_in_failed': 'Échec de connexion',
  'userAdmin.audit.action.payment.create': 'Paiement effectué',
  'userAdmin.audit.action.payment.schedule': 'Paiement programmé',
  'userAdmin.audit.action.payment.cancel': 'Paiement annulé',
  'userAdmin.audit.action.payment.failed': 'Paiement échoué',
  'userAdmin.audit.action.autopay.create': 'Paiement automatique créé',
  'userAdmin.audit.action.autopay.update': 'Paiement automatique modifié',
  'userAdmin.audit.action.autopay.cancel': 'Paiement automatique annulé',
  'userAdmin.audit.action.autopay.rule_ended': 'Paiement automatique terminé',
  'userAdmin.audit.action.autopay.rule_suspended': 'Paiement automatique suspendu',
  'userAdmin.audit.action.autopay.switch_method': 'Paiement automatique transféré vers un autre moyen de paiement',
  'userAdmin.audit.action.autopay.suspend': 'Paiement automatique suspendu avec son moyen de paiement',
  'userAdmin.audit.action.autopay.invoice_paid': 'Facture payée par paiement automatique',
  'userAdmin.audit.action.autopay.invoice_scheduled': 'Paiement automatique programmé',
  'userAdmin.audit.action.autopay.invoice_failed': 'Échec d’un paiement automatique',
  'userAdmin.audit.action.autopay.invoice_skipped': 'Facture au-dessus du montant maximum non payée automatiquement',
  'userAdmin.audit.action.wallet.add': 'Moyen de paiement ajouté',
  'userAdmin.audit.action.wallet.update': 'Moyen de paiement modifié',
  'userAdmin.audit.action.wallet.remove': 'Moyen de paiement supprimé',
  'userAdmin.audit.action.documents.export': 'Factures téléchargées',
  'userAdmin.audit.detail.role': 'Rôle : {role}',
  'userAdmin.audit.detail.roleChange': 'Rôle : {from} → {to}',
  'userAdmin.audit.detail.scope': 'Comptes et plans modifiés',
  'userAdmin.audit.detail.name': 'Nom modifié',
  'userAdmin.audit.detail.email': 'Adresse électronique modifiée',
  'userAdmin.audit.detail.newAdmin': 'Nouvel administrateur : {userId}',
} satisfies Translation<typeof forms>;
