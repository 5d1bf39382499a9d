/** Messages des boîtes de dialogue de <ups-accounts> en français. */
import type forms from '../en/accounts-forms.js';
import type { Translation } from '../types.js';

export default {
  'accounts.summary.title': 'Un problème est survenu',
  'accounts.close': 'Annuler',
  'accounts.nickname.title': 'Surnom du compte {number}',
  'accounts.nickname.label': 'Surnom',
  'accounts.nickname.hint': 'Jusqu’à 40 caractères, par exemple « Entrepôt d’Atlanta ». Laissez vide pour le retirer.',
  'accounts.nickname.save': 'Enregistrer le surnom',
  'accounts.nickname.busy': 'Enregistrement…',
  'accounts.nickname.saved': 'Compte {number} : surnom enregistré.',
  'accounts.xml.title': 'Inscription au format XML du compte {number}',
  'accounts.xml.text':
    'Les factures XML contiennent les mêmes données de facturation que le PDF, pour les importer dans vos propres applications. Une fois le compte inscrit, le téléchargement XML apparaît pour les factures de ce compte dans Mes factures de compte, à côté du PDF et du CSV. Le désactiver les retire à nouveau.',
  'accounts.xml.label': 'Recevoir les factures XML du compte {number}',
  'accounts.xml.save': 'Enregistrer l’inscription XML',
  'accounts.xml.busy': 'Enregistrement…',
  'accounts.xml.savedOn':
    'Le compte {number} est inscrit aux factures XML : le téléchargement XML apparaît désormais sur ses factures.',
  'accounts.xml.savedOff': 'Le compte {number} n’est plus inscrit aux factures XML.',
  'accounts.addForm.title': 'Ajouter un compte',
  'accounts.addForm.intro':
    'Il vous faut une facture de ce compte datant des 45 derniers jours. Saisissez chaque valeur exactement comme indiqué sur la facture.',
  'accounts.addForm.country': 'Pays du compte',
  'accounts.addForm.countryHint': 'Il détermine les valeurs imprimées sur la facture.',
  'accounts.addForm.accountNumber': 'Numéro de compte',
  'accounts.addForm.accountNumberHint': '6 lettres ou chiffres, comme sur la facture, par exemple H4B7R2.',
  'accounts.addForm.invoiceNumber': 'Numéro de facture',
  'accounts.addForm.invoiceNumberHint': 'Comme imprimé en haut de la facture, par exemple H4B7R2X00045.',
  'accounts.addForm.invoiceDate': 'Date de facture',
  'accounts.addForm.invoiceDateHint': 'Dans les 45 derniers jours (il y a 45 jours compte encore).',
  'accounts.addForm.amount': 'Montant de la facture',
  'accounts.addForm.amountHint':
    'Le total imprimé, en chiffres avec un séparateur décimal, par exemple 1234,56 ou 1234.56 — sans symbole monétaire ni séparateur de milliers.',
  'accounts.addForm.controlId': 'Identifiant de contrôle',
  'accounts.addForm.controlIdHint': 'Imprimé à côté du numéro de facture dans ce pays : 4 à 12 lettres ou chiffres.',
  'accounts.addForm.submit': 'Ajouter le compte',
  'accounts.addForm.busy': 'Vérification de la facture…',
  'accounts.added': 'Compte {number} ajouté.',
  'accounts.cancelForm.title': 'Annuler l’inscription du compte {number} ?',
  'accounts.cancelForm.consequences': 'Ce qui se passe si vous annulez :',
  'accounts.cancelForm.invoices':
    'Ses factures n’apparaissent plus dans ce Centre de facturation, pour personne dans votre entreprise.',
  'accounts.cancelForm.scope': 'Il est retiré des comptes de chaque utilisateur.',
  'accounts.cancelForm.autopay':
    'Sa règle de paiement automatique prend fin ; les paiements déjà effectués restent dans l’activité des paiements.',
  'accounts.cancelForm.inbound': 'Ses réglages de frais internes sont supprimés.',
  'accounts.cancelForm.again': 'Pour l’ajouter de nouveau, il vous faudra une facture des 45 derniers jours.',
  'accounts.cancelForm.reason': 'Motif',
  'accounts.cancelForm.reason.account_closed': 'Le compte UPS est fermé',
  'accounts.cancelForm.reason.business_change': 'Notre entreprise a changé (cession, fusion, réorganisation)',
  'accounts.cancelForm.reason.managed_elsewhere':
    'Le compte est géré dans le Centre de facturation d’une autre entreprise',
  'accounts.cancelForm.reason.no_longer_used': 'Nous n’expédions plus avec ce compte',
  'accounts.cancelForm.reason.other': 'Autre',
  'accounts.cancelForm.comment': 'Commentaire',
  'accounts.cancelForm.commentHint': 'Obligatoire si le motif est « Autre » ; 500 caractères au plus.',
  'accounts.cancelForm.confirm': 'Annuler l’inscription',
  'accounts.cancelForm.keep': 'Garder le compte',
  'accounts.cancelForm.busy': 'Annulation…',
  'accounts.cancelled': 'Inscription du compte {number} annulée.',
  'accounts.field.required': 'Saisissez une valeur.',
  'accounts.field.reason.required': 'Choisissez un motif.',
  'accounts.field.reason.invalid_value': 'Choisissez un motif.',
  'accounts.field.comment.required':
    'Expliquez pourquoi dans un commentaire : il est obligatoire avec le motif « Autre ».',
  'accounts.field.comment.too_long': 'Limitez le commentaire à 500 caractères.',
  'accounts.field.nickname.too_long': 'Limitez le surnom à 40 caractères.',
  'accounts.field.country.required': 'Choisissez le pays du compte.',
  'accounts.field.accountNumber.invalid_format':
    'Saisissez le numéro de compte comme imprimé : exactement 6 lettres ou chiffres, par exemple H4B7R2.',
  'accounts.field.accountNumber.already_enrolled': 'Ce compte figure déjà dans la liste de votre entreprise.',
  'accounts.field.accountNumber.enrolled_elsewhere':
    'Ce compte est inscrit par {company}. Demandez à un administrateur de {company} de vous y donner accès, ou d’annuler d’abord son inscription.',
  'accounts.field.invoiceNumber.invalid_format':
    'Saisissez le numéro de facture comme imprimé : 4 à 24 lettres, chiffres ou tirets.',
  'accounts.field.invoiceDate.invalid_format': 'Saisissez la date de facture indiquée sur la facture.',
  'accounts.field.invoiceDate.too_old':
    'Cette facture date de plus de 45 jours. Utilisez une facture de ce compte datant des 45 derniers jours.',
  'accounts.field.invoiceDate.in_future': 'La date de facture ne peut pas être dans le futur.',
  'accounts.field.amount.amount_format':
    'Saisissez le montant en chiffres avec un séparateur décimal, par exemple 1234,56 : sans symbole monétaire, sans espace, sans séparateur de milliers.',
  'accounts.field.amount.too_long': 'Saisissez le montant en chiffres avec un séparateur décimal, par exemple 1234,56.',
  'accounts.field.controlId.invalid_format':
    'Saisissez l’identifiant de contrôle comme imprimé : 4 à 12 lettres ou chiffres.',
  'accounts.field.controlId.required': 'Saisissez l’identifiant de contrôle imprimé à côté du numéro de facture.',
  'accounts.problem.invoice_mismatch':
    'Ces informations ne correspondent à aucune facture de ce compte. Vérifiez chaque valeur sur la facture et saisissez-la exactement comme imprimée.',
  'accounts.problem.invoice_date_out_of_window': 'La facture doit dater des {days} derniers jours.',
  'accounts.problem.rate_limited':
    'Trop de tentatives infructueuses pour ce compte. Par sécurité, réessayez après le {time}.',
  'accounts.problem.account_in_plan':
    'Ce compte est facturé par le plan de facturation {plan} : son inscription ne peut pas être annulée ici. Contactez UPS pour le retirer d’abord du plan.',
  'accounts.problem.payments_in_progress':
    'Des paiements de factures de ce compte sont programmés ou en cours ({payments}). Annulez les paiements programmés dans l’activité des paiements, ou attendez qu’ils aboutissent, puis réessayez.',
} satisfies Translation<typeof forms>;
