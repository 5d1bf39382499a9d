/** English messages of <ups-enrollment>: signing a company up with a recent invoice, or with a new payment account. */
export default {
  'enrollment.title': 'Sign up your company',
  'enrollment.intro':
    'Sign up with an invoice of one of your UPS accounts dated within the last 45 days, or, if you do not receive UPS invoices yet, with a new user ID and payment account. Either way, you become your company’s administrator.',
  'enrollment.stepOf': 'Step {step} of {count}',
  'enrollment.step.start': 'How to sign up',
  'enrollment.step.country': 'Country',
  'enrollment.step.account': 'Account number',
  'enrollment.step.invoice': 'Invoice details',
  'enrollment.step.user': 'Administrator',
  'enrollment.step.done': 'Confirmation',
  'enrollment.step.signup-user': 'Your user ID',
  'enrollment.step.signup-company': 'Your company',
  'enrollment.step.signup-method': 'Payment method',
  'enrollment.step.signup-done': 'Confirmation',

  'enrollment.path.legend': 'Do you receive UPS invoices?',
  'enrollment.path.invoice': 'I have a recent invoice',
  'enrollment.path.invoiceHint':
    'An invoice of your UPS account dated within the last 45 days: you type a few of its values.',
  'enrollment.path.signup': 'I don’t receive invoices yet',
  'enrollment.path.signupHint':
    'Create a user ID and open a payment account. Add your shipping accounts later, with a recent invoice.',
  'enrollment.path.signupInCompany':
    'You are signed in to a company already: add its shipping accounts from My accounts, with a recent invoice.',

  'enrollment.help.title': 'Need help signing up?',
  'enrollment.help.text':
    'Our help pages and virtual assistant answer many questions. If you still cannot find an answer, call billing support at the number on the contact page.',
  'enrollment.summary.title': 'There is a problem',
  'enrollment.continue': 'Continue',
  'enrollment.back': 'Back',
  'enrollment.checking': 'Checking…',
  'enrollment.submit': 'Sign up',
  'enrollment.submitting': 'Signing up…',

  'enrollment.country.label': 'Country of the account',
  'enrollment.country.hint': 'Where the UPS account is billed: it decides which values the invoice shows.',
  'enrollment.country.choose': 'Choose a country',

  'enrollment.account.label': 'UPS account number',
  'enrollment.account.hint': 'Six letters or digits, printed at the top of each invoice beside “Account number”.',

  'enrollment.invoice.intro':
    'Take an invoice of account {account} dated within the last 45 days, and type each value exactly as printed.',
  'enrollment.invoice.number': 'Invoice number',
  'enrollment.invoice.numberHint': 'At the top of the first page, beside “Invoice number”.',
  'enrollment.invoice.date': 'Invoice date',
  'enrollment.invoice.dateHint': 'At the top of the first page, beside “Invoice date”.',
  'enrollment.invoice.amount': 'Invoice amount',
  'enrollment.invoice.amountHint':
    'The total at the bottom of the first page, as digits with a decimal point, for example 1234.56: no currency sign, no thousands separator.',
  'enrollment.invoice.controlId': 'Control ID',
  'enrollment.invoice.controlIdHint': 'Printed beside the invoice number on invoices of this country.',
  'enrollment.invoice.found': 'Invoice accepted: account {account}, {name}.',

  'enrollment.user.intro':
    'You become the administrator of the company in the billing center, and can add other users afterwards.',
  'enrollment.user.company': 'Company name',
  'enrollment.user.companyHint': 'As your users will see it.',
  'enrollment.user.userId': 'User ID',
  'enrollment.user.userIdHint': '3 to 40 letters, digits, dots, hyphens or underscores. You sign in with it.',
  'enrollment.user.email': 'E-mail',
  'enrollment.user.name': 'Your name',
  'enrollment.user.password': 'Password',
  'enrollment.user.passwordHint':
    'At least 12 characters. A phrase of a few words is easy to remember and hard to guess.',
  'enrollment.user.confirm': 'Confirm the password',

  'enrollment.done.text':
    '{company} is signed up to the UPS Billing Center with account {account}. You are its administrator, signed in as {userId}.',
  'enrollment.done.next':
    'Add your other accounts from My accounts, and name a second administrator from Manage users.',
  'enrollment.done.announce': 'Sign-up complete.',

  'enrollment.noAccount.title': 'No UPS account yet?',
  'enrollment.noAccount.text':
    'If you do not receive UPS invoices yet, go back to the first step and choose “I don’t receive invoices yet”: you create a user ID and open a payment account.',
  'enrollment.noAccount.link': 'Open a UPS account',

  'enrollment.error.invoice_mismatch':
    'These values do not match an invoice of this account. Check that each one is typed exactly as printed on an invoice dated within the last 45 days.',
  'enrollment.error.account_in_other_company':
    'Account {account} is already enrolled in the billing center by {company}, and an account belongs to one company only. Ask an administrator of {company} to add you as a user.',
  'enrollment.error.account_already_enrolled': 'This account is already enrolled in your company.',
  'enrollment.error.rate_limited':
    'Too many failed attempts for this account. For its security, you can try again after {time}.',
  'enrollment.error.user_id_taken': 'This user ID is already taken. Choose another one.',
  'enrollment.error.signup_rate_limited':
    'Too many sign-ups from your network. For everyone’s security, you can try again after {time}.',
  'enrollment.error.already_in_company':
    'You already belong to a company in the billing center. Ask its administrator for what you need.',
  'enrollment.error.payment_token_invalid':
    'The payment method could not be used: its details expired or were already used. Enter them again.',

  'enrollment.signup.userIntro':
    'Your user ID is how you sign in to ups.com and the billing center. You then open your company’s payment account.',
  'enrollment.signup.createId': 'Create my user ID',
  'enrollment.signup.creating': 'Creating…',
  'enrollment.signup.signedIn': 'Signed in as {userId}. Open a payment account for your company.',
  'enrollment.signup.country': 'Country of the company',
  'enrollment.signup.countryHint': 'Where the company is billed: it decides the currency and the ways to pay.',
  'enrollment.signup.countriesLoading': 'Loading the countries…',
  'enrollment.signup.countriesError': 'The countries could not be loaded.',
  'enrollment.signup.open': 'Open the payment account',
  'enrollment.signup.doneText':
    '{company} now has a payment account in the UPS Billing Center. You are its administrator, signed in as {userId}.',
  'enrollment.signup.doneMethod': 'Its first payment method, the default: {method}.',
  'enrollment.signup.doneNext':
    'The company has no shipping account yet. When you receive your first UPS invoice, add the account from My accounts with that invoice, within 45 days of its date.',
  'enrollment.signup.announce': 'Payment account open.',

  'enrollment.password.rule.length': 'At least {min} characters',
  'enrollment.password.rule.common': 'Not a common or easily guessed password',
  'enrollment.password.rule.userId': 'Does not contain your user ID',
  'enrollment.password.met': '(done)',
  'enrollment.password.notMet': '(not yet)',
  'enrollment.password.show': 'Show password',

  'enrollment.address.legend': 'Billing address',
  'enrollment.address.line1': 'Address',
  'enrollment.address.line2': 'Address, line 2 (optional)',
  'enrollment.address.city': 'City',
  'enrollment.address.postalCode': 'Postal code',
  'enrollment.address.region': 'State or province',
  'enrollment.contact.legend': 'Billing contact',
  'enrollment.contact.name': 'Contact name',
  'enrollment.contact.email': 'Contact e-mail',
  'enrollment.contact.phone': 'Contact phone (optional)',
  'enrollment.contact.phoneHint':
    'With the country code if outside the company’s country, for example +1 404 555 0100.',
  'enrollment.method.label': 'Payment method',
  'enrollment.method.intro':
    'The payment account’s first payment method, its default. You can add others from your wallet afterwards.',

  'enrollment.field.country.required': 'Choose the country of the account.',
  'enrollment.field.account.invalid_format':
    'Enter the account number as printed: 6 letters or digits, for example 4R7X21.',
  'enrollment.field.account.required': 'Enter the account number as printed: 6 letters or digits.',
  'enrollment.field.invoice-number.invalid_format':
    'Enter the invoice number as printed: 4 to 24 letters, digits or hyphens.',
  'enrollment.field.control-id.invalid_format': 'Enter the control ID as printed: 4 to 12 letters or digits.',
  'enrollment.field.invoice-date.invalid_format': 'Enter the invoice date.',
  'enrollment.field.amount.invalid_format':
    'Type the amount as printed, as digits with a decimal point: for example 1234.56.',
  'enrollment.field.amount_format':
    'Type the amount as digits with a decimal point, for example 1234.56: leave out the currency sign and the thousands separators.',
  'enrollment.field.too_old':
    'This invoice is dated more than {days} days ago. Use an invoice dated within the last {days} days.',
  'enrollment.field.in_future': 'The invoice date cannot be in the future.',
  'enrollment.field.user-id.invalid_format':
    'Use 3 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit.',
  'enrollment.field.email.invalid_format': 'Enter an e-mail address such as name@example.com.',
  'enrollment.field.password.too_short': 'Use at least {min} characters.',
  'enrollment.field.password_too_common':
    'This password is too common or too easy to guess. Choose a phrase of your own.',
  'enrollment.field.password_contains_user_id': 'The password must not contain your user ID.',
  'enrollment.field.confirm_mismatch': 'The two passwords are not the same.',
  'enrollment.field.taken': 'This user ID is already taken. Choose another one.',
  'enrollment.field.not_served': 'We do not open payment accounts in this country yet. Choose a country we serve.',
  'enrollment.field.add-type.invalid_value':
    'This payment method could not be used: its details expired or were already used. Enter them again.',
  'enrollment.field.add-type.not_allowed': 'This way to pay is not offered in the company’s country. Choose another.',
  'enrollment.field.contact-phone.invalid_format': 'Enter a phone number: digits, spaces and + ( ) - . only.',
  'enrollment.field.contact-email.invalid_format': 'Enter an e-mail address such as name@example.com.',
  'enrollment.field.region.required': 'Enter the state or province.',
  'enrollment.field.enrolled_elsewhere': 'This account is enrolled by another company.',
} as const;
