/** Messages de <ups-enrollment> en français : inscrire une entreprise avec une facture récente, ou avec un nouveau compte de paiement. */
import type enrollment from '../en/enrollment.js';
import type { Translation } from '../types.js';

export default {
  'enrollment.title': 'Inscrire votre entreprise',
  'enrollment.intro':
    'Inscrivez-vous avec une facture de l’un de vos comptes UPS datant des 45 derniers jours ou, si vous ne recevez pas encore de factures UPS, avec un nouveau numéro d’utilisateur et un compte de paiement. Dans les deux cas, vous devenez l’administrateur de votre entreprise.',
  'enrollment.stepOf': 'Étape {step} sur {count}',
  'enrollment.step.start': 'Mode d’inscription',
  'enrollment.step.country': 'Pays',
  'enrollment.step.account': 'Numéro de compte',
  'enrollment.step.invoice': 'Informations de la facture',
  'enrollment.step.user': 'Administrateur',
  'enrollment.step.done': 'Confirmation',
  'enrollment.step.signup-user': 'Votre numéro d’utilisateur',
  'enrollment.step.signup-company': 'Votre entreprise',
  'enrollment.step.signup-method': 'Mode de paiement',
  'enrollment.step.signup-done': 'Confirmation',

  'enrollment.path.legend': 'Recevez-vous des factures UPS ?',
  'enrollment.path.invoice': 'J’ai une facture récente',
  'enrollment.path.invoiceHint':
    'Une facture de votre compte UPS datant des 45 derniers jours : vous saisissez quelques-unes de ses valeurs.',
  'enrollment.path.signup': 'Je ne reçois pas encore de factures',
  'enrollment.path.signupHint':
    'Créez un numéro d’utilisateur et ouvrez un compte de paiement. Ajoutez vos comptes d’expédition plus tard, avec une facture récente.',
  'enrollment.path.signupInCompany':
    'Vous êtes déjà connecté à une entreprise : ajoutez ses comptes d’expédition depuis Mes comptes, avec une facture récente.',

  'enrollment.help.title': 'Besoin d’aide pour vous inscrire ?',
  'enrollment.help.text':
    'Nos pages d’aide et l’assistant virtuel répondent à de nombreuses questions. Si vous ne trouvez toujours pas de réponse, appelez le service d’assistance à la facturation au numéro indiqué sur la page de contact.',
  'enrollment.summary.title': 'Un problème est survenu',
  'enrollment.continue': 'Continuer',
  'enrollment.back': 'Retour',
  'enrollment.checking': 'Vérification…',
  'enrollment.submit': 'M’inscrire',
  'enrollment.submitting': 'Inscription en cours…',

  'enrollment.country.label': 'Pays du compte',
  'enrollment.country.hint': 'Le pays de facturation du compte UPS : il décide des valeurs que porte la facture.',
  'enrollment.country.choose': 'Choisissez un pays',

  'enrollment.account.label': 'Numéro de compte UPS',
  'enrollment.account.hint': 'Six lettres ou chiffres, en haut de chaque facture, à côté de « Numéro de compte ».',

  'enrollment.invoice.intro':
    'Munissez-vous d’une facture du compte {account} datant des 45 derniers jours, et saisissez chaque valeur exactement comme indiqué sur la facture.',
  'enrollment.invoice.number': 'Numéro de facture',
  'enrollment.invoice.numberHint': 'En haut de la première page, à côté de « Numéro de facture ».',
  'enrollment.invoice.date': 'Date de la facture',
  'enrollment.invoice.dateHint': 'En haut de la première page, à côté de « Date de facture ».',
  'enrollment.invoice.amount': 'Montant de la facture',
  'enrollment.invoice.amountHint':
    'Le total en bas de la première page, en chiffres avec une virgule ou un point décimal, par exemple 1234,56 : sans symbole monétaire ni séparateur de milliers.',
  'enrollment.invoice.controlId': 'Identifiant de contrôle',
  'enrollment.invoice.controlIdHint': 'Imprimé à côté du numéro de facture sur les factures de ce pays.',
  'enrollment.invoice.found': 'Facture acceptée : compte {account}, {name}.',

  'enrollment.user.intro':
    'Vous devenez l’administrateur de l’entreprise dans le Centre de facturation, et pourrez ensuite ajouter d’autres utilisateurs.',
  'enrollment.user.company': 'Nom de l’entreprise',
  'enrollment.user.companyHint': 'Tel que vos utilisateurs le verront.',
  'enrollment.user.userId': 'Identifiant utilisateur',
  'enrollment.user.userIdHint':
    '3 à 40 lettres, chiffres, points, tirets ou traits de soulignement. Vous vous connectez avec.',
  'enrollment.user.email': 'Adresse électronique',
  'enrollment.user.name': 'Votre nom',
  'enrollment.user.password': 'Mot de passe',
  'enrollment.user.passwordHint':
    'Au moins 12 caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner.',
  'enrollment.user.confirm': 'Confirmez le mot de passe',

  'enrollment.done.text':
    '{company} est inscrite au Centre de facturation UPS avec le compte {account}. Vous en êtes l’administrateur, connecté en tant que {userId}.',
  'enrollment.done.next':
    'Ajoutez vos autres comptes depuis Mes comptes, et désignez un second administrateur depuis Gérer les utilisateurs.',
  'enrollment.done.announce': 'Inscription terminée.',

  'enrollment.noAccount.title': 'Pas encore de compte UPS ?',
  'enrollment.noAccount.text':
    'Si vous ne recevez pas encore de factures UPS, revenez à la première étape et choisissez « Je ne reçois pas encore de factures » : vous créez un numéro d’utilisateur et ouvrez un compte de paiement.',
  'enrollment.noAccount.link': 'Ouvrir un compte UPS',

  'enrollment.error.invoice_mismatch':
    'Ces valeurs ne correspondent à aucune facture de ce compte. Vérifiez que chacune est saisie exactement comme indiqué sur une facture datant des 45 derniers jours.',
  'enrollment.error.account_in_other_company':
    'Le compte {account} est déjà inscrit au Centre de facturation par {company}, et un compte n’appartient qu’à une seule entreprise. Demandez à un administrateur de {company} de vous ajouter comme utilisateur.',
  'enrollment.error.account_already_enrolled': 'Ce compte est déjà inscrit dans votre entreprise.',
  'enrollment.error.rate_limited':
    'Trop de tentatives infructueuses pour ce compte. Pour sa sécurité, vous pourrez réessayer après le {time}.',
  'enrollment.error.user_id_taken': 'Cet identifiant utilisateur est déjà pris. Choisissez-en un autre.',
  'enrollment.error.signup_rate_limited':
    'Trop d’inscriptions depuis votre réseau. Pour la sécurité de tous, vous pourrez réessayer après le {time}.',
  'enrollment.error.already_in_company':
    'Vous appartenez déjà à une entreprise du Centre de facturation. Adressez-vous à son administrateur.',
  'enrollment.error.payment_token_invalid':
    'Le mode de paiement n’a pas pu être utilisé : ses informations ont expiré ou ont déjà servi. Saisissez-les de nouveau.',

  'enrollment.signup.userIntro':
    'Votre numéro d’utilisateur vous sert à vous connecter à ups.com et au Centre de facturation. Vous ouvrez ensuite le compte de paiement de votre entreprise.',
  'enrollment.signup.createId': 'Créer mon numéro d’utilisateur',
  'enrollment.signup.creating': 'Création…',
  'enrollment.signup.signedIn': 'Connecté en tant que {userId}. Ouvrez un compte de paiement pour votre entreprise.',
  'enrollment.signup.country': 'Pays de l’entreprise',
  'enrollment.signup.countryHint': 'Là où l’entreprise est facturée : il détermine la devise et les modes de paiement.',
  'enrollment.signup.countriesLoading': 'Chargement des pays…',
  'enrollment.signup.countriesError': 'Les pays n’ont pas pu être chargés.',
  'enrollment.signup.open': 'Ouvrir le compte de paiement',
  'enrollment.signup.doneText':
    '{company} dispose maintenant d’un compte de paiement dans le Centre de facturation UPS. Vous en êtes l’administrateur, connecté en tant que {userId}.',
  'enrollment.signup.doneMethod': 'Son premier mode de paiement, par défaut : {method}.',
  'enrollment.signup.doneNext':
    'L’entreprise n’a pas encore de compte d’expédition. Quand vous recevrez votre première facture UPS, ajoutez le compte depuis Mes comptes avec cette facture, dans les 45 jours suivant sa date.',
  'enrollment.signup.announce': 'Compte de paiement ouvert.',

  'enrollment.password.rule.length': 'Au moins {min} caractères',
  'enrollment.password.rule.common': 'Pas un mot de passe courant ou facile à deviner',
  'enrollment.password.rule.userId': 'Ne contient pas votre numéro d’utilisateur',
  'enrollment.password.met': '(respecté)',
  'enrollment.password.notMet': '(pas encore)',
  'enrollment.password.show': 'Afficher le mot de passe',

  'enrollment.address.legend': 'Adresse de facturation',
  'enrollment.address.line1': 'Adresse',
  'enrollment.address.line2': 'Adresse, ligne 2 (facultatif)',
  'enrollment.address.city': 'Ville',
  'enrollment.address.postalCode': 'Code postal',
  'enrollment.address.region': 'État ou province',
  'enrollment.contact.legend': 'Contact pour la facturation',
  'enrollment.contact.name': 'Nom du contact',
  'enrollment.contact.email': 'Adresse e-mail du contact',
  'enrollment.contact.phone': 'Téléphone du contact (facultatif)',
  'enrollment.contact.phoneHint':
    'Avec l’indicatif du pays s’il est hors du pays de l’entreprise, par exemple +33 1 23 45 67 89.',
  'enrollment.method.label': 'Mode de paiement',
  'enrollment.method.intro':
    'Le premier mode de paiement du compte, celui par défaut. Vous pourrez en ajouter d’autres depuis votre portefeuille.',

  'enrollment.field.country.required': 'Choisissez le pays du compte.',
  'enrollment.field.account.invalid_format':
    'Saisissez le numéro de compte tel qu’imprimé : 6 lettres ou chiffres, par exemple 4R7X21.',
  'enrollment.field.account.required': 'Saisissez le numéro de compte tel qu’imprimé : 6 lettres ou chiffres.',
  'enrollment.field.invoice-number.invalid_format':
    'Saisissez le numéro de facture tel qu’imprimé : 4 à 24 lettres, chiffres ou tirets.',
  'enrollment.field.control-id.invalid_format':
    'Saisissez l’identifiant de contrôle tel qu’imprimé : 4 à 12 lettres ou chiffres.',
  'enrollment.field.invoice-date.invalid_format': 'Saisissez la date de la facture.',
  'enrollment.field.amount.invalid_format':
    'Saisissez le montant tel qu’imprimé, en chiffres avec une virgule décimale : par exemple 1234,56.',
  'enrollment.field.amount_format':
    'Saisissez le montant en chiffres avec une virgule ou un point décimal, par exemple 1234,56 : sans symbole monétaire ni séparateur de milliers.',
  'enrollment.field.too_old':
    'Cette facture date de plus de {days} jours. Utilisez une facture datant des {days} derniers jours.',
  'enrollment.field.in_future': 'La date de la facture ne peut pas être dans le futur.',
  'enrollment.field.user-id.invalid_format':
    'Utilisez 3 à 40 lettres, chiffres, points, tirets ou traits de soulignement, en commençant par une lettre ou un chiffre.',
  'enrollment.field.email.invalid_format': 'Saisissez une adresse électronique comme nom@exemple.fr.',
  'enrollment.field.password.too_short': 'Utilisez au moins {min} caractères.',
  'enrollment.field.password_too_common':
    'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase qui vous est propre.',
  'enrollment.field.password_contains_user_id': 'Le mot de passe ne doit pas contenir votre identifiant utilisateur.',
  'enrollment.field.confirm_mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'enrollment.field.taken': 'Cet identifiant utilisateur est déjà pris. Choisissez-en un autre.',
  'enrollment.field.not_served':
    'Nous n’ouvrons pas encore de comptes de paiement dans ce pays. Choisissez un pays que nous desservons.',
  'enrollment.field.add-type.invalid_value':
    'Ce mode de paiement n’a pas pu être utilisé : ses informations ont expiré ou ont déjà servi. Saisissez-les de nouveau.',
  'enrollment.field.add-type.not_allowed':
    'Ce mode de paiement n’est pas proposé dans le pays de l’entreprise. Choisissez-en un autre.',
  'enrollment.field.contact-phone.invalid_format':
    'Saisissez un numéro de téléphone : chiffres, espaces et + ( ) - . uniquement.',
  'enrollment.field.contact-email.invalid_format': 'Saisissez une adresse e-mail telle que nom@exemple.fr.',
  'enrollment.field.region.required': 'Saisissez l’État ou la province.',
  'enrollment.field.enrolled_elsewhere': 'Ce compte est inscrit par une autre entreprise.',
} satisfies Translation<typeof enrollment>;
