/** Messages de <ups-user-admin> en français : la liste, les onglets, la bannière et ce que chaque rôle lit. */
import type userAdmin from '../en/user-admin.js';
import type { Translation } from '../types.js';

export default {
  'userAdmin.title': 'Gérer les utilisateurs',
  'userAdmin.tabs': 'Administration des utilisateurs',
  'userAdmin.tab.users': 'Utilisateurs',
  'userAdmin.tab.audit': 'Journal d’audit',
  'userAdmin.tab.recovery': 'Récupération administrateur',
  'userAdmin.loading': 'Chargement des utilisateurs…',
  'userAdmin.error': 'Les utilisateurs n’ont pas pu être chargés.',
  'userAdmin.partError': 'Cette partie de la page n’a pas pu être chargée.',
  'userAdmin.add': 'Ajouter un utilisateur',
  'userAdmin.search.label': 'Rechercher des utilisateurs',
  'userAdmin.search.hint': 'Une partie d’un numéro d’utilisateur, d’un nom ou d’une adresse électronique.',
  'userAdmin.search.clear': 'Effacer la recherche',
  'userAdmin.empty': 'Aucun utilisateur à afficher.',
  'userAdmin.emptySearch': 'Aucun utilisateur ne correspond à « {q} ».',
  'userAdmin.count.one': '{count} utilisateur',
  'userAdmin.count.other': '{count} utilisateurs',
  'userAdmin.caption': 'Utilisateurs, leurs rôles et les comptes et plans qu’ils peuvent voir',
  'userAdmin.col.userId': 'Numéro d’utilisateur',
  'userAdmin.col.name': 'Nom',
  'userAdmin.col.email': 'Adresse électronique',
  'userAdmin.col.role': 'Rôle',
  'userAdmin.col.scope': 'Comptes et plans',
  'userAdmin.col.lastSignIn': 'Dernière connexion',
  'userAdmin.col.actions': 'Actions',
  'userAdmin.role.administrator': 'Administrateur',
  'userAdmin.role.manager': 'Gestionnaire',
  'userAdmin.role.payer': 'Payeur',
  'userAdmin.role.viewer': 'Lecteur',
  'userAdmin.scope.all': 'Tous les comptes et plans',
  'userAdmin.scope.none': 'Aucun compte ni plan',
  'userAdmin.scope.plans': 'Plans : {list}',
  'userAdmin.scope.accounts': 'Comptes : {list}',
  'userAdmin.never': 'Jamais',
  'userAdmin.you': 'vous',
  'userAdmin.action.edit': 'Modifier',
  'userAdmin.action.remove': 'Supprimer',
  'userAdmin.lastAdmin':
    'Seul administrateur : ne peut être ni supprimé ni changé de rôle tant qu’aucun autre utilisateur n’est administrateur.',
  'userAdmin.banner.title': 'Votre entreprise n’a qu’un seul administrateur',
  'userAdmin.banner.text':
    'Pour garantir la continuité du service au sein du Centre de facturation UPS, désignez un administrateur de secours ou secondaire. Le centre de facturation prend en charge plusieurs administrateurs : nous vous encourageons vivement à attribuer des droits d’administrateur à plus d’un utilisateur.',
  'userAdmin.banner.add': 'Ajouter un administrateur',
  'userAdmin.banner.askAdmin':
    'Demandez à votre administrateur d’attribuer le rôle d’administrateur à une deuxième personne, avant qu’un départ imprévu ne survienne.',
  'userAdmin.managerLimits':
    'En tant que gestionnaire, vous voyez et gérez les utilisateurs dont tous les comptes et plans font partie des vôtres ({scope}). Vous ne pouvez leur attribuer que ces comptes et plans, et vous ne pouvez nommer personne administrateur.',
  'userAdmin.noAccess':
    'Votre rôle ({role}) ne permet pas de gérer les utilisateurs. Pour ajouter un utilisateur ou changer un rôle, adressez-vous à un administrateur de votre entreprise.',
  'userAdmin.pager.label': 'Pages d’utilisateurs',
  'userAdmin.error.not_found':
    'Cet utilisateur n’existe plus, ou vous ne pouvez plus le gérer. La liste a été actualisée.',
} satisfies Translation<typeof userAdmin>;
