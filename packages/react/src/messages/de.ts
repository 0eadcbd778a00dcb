import { labelAttribute, plural, shortDate } from './locale-support.js';
import type { DeliveryMedium, Messages, MfaMethodName } from './types.js';

const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  email: 'E-Mail',
  phone_number: 'Telefonnummer',
  name: 'Vollständiger Name',
  given_name: 'Vorname',
  family_name: 'Nachname',
  middle_name: 'Zweiter Vorname',
  nickname: 'Spitzname',
  preferred_username: 'Bevorzugter Benutzername',
  birthdate: 'Geburtsdatum',
  address: 'Adresse',
  gender: 'Geschlecht',
  locale: 'Gebietsschema',
  zoneinfo: 'Zeitzone',
  website: 'Website',
  picture: 'Bild-URL',
  profile: 'Profil-URL',
};

const MFA_METHODS: Readonly<Record<MfaMethodName, string>> = {
  SMS_MFA: 'SMS',
  SOFTWARE_TOKEN_MFA: 'Authenticator-App',
  EMAIL_OTP: 'E-Mail',
};

const medium = (m: DeliveryMedium): string => (m === 'SMS' ? 'per SMS' : 'per E-Mail');

/** German messages, shipped as proof that every string is translatable. */
export const de: Messages = {
  locale: 'de',
  direction: 'ltr',
  fields: {
    username: 'Benutzername',
    password: 'Passwort',
    currentPassword: 'Aktuelles Passwort',
    newPassword: 'Neues Passwort',
    confirmPassword: 'Passwort wiederholen',
    email: 'E-Mail',
    phoneNumber: 'Telefonnummer',
    code: 'Code',
    answer: 'Antwort',
    attribute: (name) => labelAttribute(ATTRIBUTE_LABELS, name),
  },
  actions: {
    signIn: 'Anmelden',
    signUp: 'Registrieren',
    signOut: 'Abmelden',
    submit: 'Absenden',
    verify: 'Bestätigen',
    continue: 'Weiter',
    sendCode: 'Code senden',
    resendCode: 'Neuen Code senden',
    resetPassword: 'Passwort zurücksetzen',
    changePassword: 'Passwort ändern',
    copy: 'Kopieren',
    copied: 'Kopiert',
    pending: 'Bitte warten …',
    forgotPassword: 'Passwort vergessen?',
    createAccount: 'Konto erstellen',
    backToSignIn: 'Zurück zur Anmeldung',
    haveCode: 'Ich habe einen Code',
    setUpTotp: 'Authenticator-App einrichten',
    cancel: 'Abbrechen',
    forgetDevice: 'Vergessen',
    save: 'Speichern',
    showPassword: 'Passwort anzeigen',
  },
  signIn: {
    title: 'Anmelden',
    rememberDevice: 'Dieses Gerät merken',
    rememberDeviceTitle: 'Dieses Gerät merken?',
    rememberDeviceDescription:
      'Ein gemerktes Gerät kann den zweiten Anmeldeschritt überspringen. Merken Sie sich nur Geräte, die Sie allein nutzen.',
    rememberDeviceYes: 'Dieses Gerät merken',
    rememberDeviceNo: 'Jetzt nicht',
    signUpConfirmedTitle: 'Konto bestätigt',
    signUpConfirmed: 'Ihr Konto ist bestätigt. Melden Sie sich an, um fortzufahren.',
  },
  newPassword: {
    title: 'Neues Passwort wählen',
    description: 'Bevor es weitergeht, müssen Sie ein neues Passwort festlegen.',
  },
  mfa: {
    title: 'Code eingeben',
    codeSent: (m, destination) => `Wir haben ${medium(m)} einen Code an ${destination} gesendet.`,
    totpDescription: 'Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.',
    selectTitle: 'Bestätigungsweg wählen',
    selectDescription: 'Wählen Sie, wie Sie Ihren Anmeldecode erhalten möchten.',
    method: (m) => MFA_METHODS[m],
    setupTitle: 'Zwei-Schritt-Bestätigung einrichten',
    setupDescription:
      'Ihr Konto braucht bei der Anmeldung einen zweiten Schritt. Wählen Sie eine Methode.',
    emailSetupDescription: 'Geben Sie die E-Mail-Adresse ein, die Ihre Anmeldecodes erhalten soll.',
    customTitle: 'Frage beantworten',
  },
  totp: {
    title: 'Authenticator-App einrichten',
    instructions:
      'Scannen Sie den QR-Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel von Hand ein.',
    qrLabel: 'QR-Code für Ihre Authenticator-App',
    secretLabel: 'Einrichtungsschlüssel',
    codeDescription: 'Geben Sie dann den 6-stelligen Code aus der App ein.',
    success: 'Ihre Authenticator-App ist eingerichtet.',
  },
  signUp: {
    title: 'Konto erstellen',
  },
  confirmSignUp: {
    title: 'Konto bestätigen',
    description: 'Geben Sie den Code ein, den wir Ihnen gesendet haben.',
    codeSent: (m, destination) => `Wir haben ${medium(m)} einen Code an ${destination} gesendet.`,
    codeResent: 'Ein neuer Code ist unterwegs.',
    success: 'Ihr Konto ist bestätigt. Sie können sich jetzt anmelden.',
  },
  forgotPassword: {
    title: 'Passwort zurücksetzen',
    description: 'Geben Sie Ihren Benutzernamen ein, dann senden wir Ihnen einen Code.',
    confirmTitle: 'Neues Passwort wählen',
    success: 'Ihr Passwort wurde zurückgesetzt. Sie können sich jetzt anmelden.',
  },
  security: {
    title: 'Sicherheit',
    mfaTitle: 'Zwei-Schritt-Bestätigung',
    mfaPreferred: 'Bevorzugte Methode',
    mfaNone: 'Aus',
    mfaNothingToChoose:
      'Aus. Richten Sie einen zweiten Schritt ein, etwa eine Authenticator-App, um sie einzuschalten.',
    mfaSaved: 'Ihre Einstellung zur Zwei-Schritt-Bestätigung ist gespeichert.',
    devicesTitle: 'Gemerkte Geräte',
    noDevices: 'Keine gemerkten Geräte.',
    unnamedDevice: 'Unbenanntes Gerät',
    lastUsed: (date) => `Zuletzt verwendet am ${shortDate('de', date)}`,
    changePasswordTitle: 'Passwort ändern',
    passwordChanged: 'Ihr Passwort wurde geändert.',
    loading: 'Wird geladen …',
  },
  passwordless: {
    chooseTitle: 'Wählen Sie, wie Sie sich anmelden',
    chooseDescription: 'Wählen Sie eine der Anmeldearten Ihres Kontos.',
    factors: {
      WEB_AUTHN: 'Mit Passkey anmelden',
      EMAIL_OTP: 'Code per E-Mail senden',
      SMS_OTP: 'Code per SMS senden',
      PASSWORD: 'Mein Passwort verwenden',
    },
    useAnotherWay: 'Andere Methode wählen',
    emailCodeTitle: 'Prüfen Sie Ihre E-Mails',
    smsCodeTitle: 'Prüfen Sie Ihr Telefon',
    passkeyTitle: 'Mit Passkey anmelden',
    passkeyDescription:
      'Verwenden Sie den Passkey auf diesem Gerät, einem Telefon oder einem Sicherheitsschlüssel.',
    passkeyRetry: 'Passkey erneut versuchen',
    passwordTitle: 'Geben Sie Ihr Passwort ein',
  },
  passkeys: {
    title: 'Passkeys',
    description:
      'Melden Sie sich mit Fingerabdruck, Gesicht oder Bildschirmsperre statt mit einem Passwort an.',
    none: 'Noch keine Passkeys.',
    add: 'Passkey hinzufügen',
    added: 'Ihr Passkey wurde hinzugefügt.',
    created: (date) => `Hinzugefügt am ${shortDate('de', date)}`,
    remove: 'Entfernen',
    removeConfirm: 'Diesen Passkey entfernen? Sie können sich dann nicht mehr damit anmelden.',
    confirmRemove: 'Ja, entfernen',
    removed: 'Der Passkey wurde entfernt.',
    unsupported: 'Dieser Browser kann keine Passkeys verwenden.',
  },
  validation: {
    required: 'Füllen Sie dieses Feld aus.',
    codeFormat: 'Geben Sie die 6 Ziffern des Codes ein.',
    emailFormat: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    phoneFormat:
      'Geben Sie die Nummer mit + und Ländervorwahl ein, nur Ziffern, etwa +4915112345678.',
    passwordMismatch: 'Die Passwörter stimmen nicht überein.',
    passwordRules: 'Das Passwort erfüllt nicht jede Regel unten.',
  },
  passwordRules: {
    title: 'Ihr Passwort braucht',
    minimumLength: (length) => plural('de', length, { other: 'mindestens # Zeichen' }),
    requireLowercase: 'einen Kleinbuchstaben',
    requireUppercase: 'einen Großbuchstaben',
    requireNumbers: 'eine Ziffer',
    requireSymbols: 'ein Sonderzeichen, etwa ! oder %',
    met: 'erfüllt',
    unmet: 'fehlt',
    refused: {
      minimumLength: 'Dieses Passwort ist für dieses Konto zu kurz.',
      requireLowercase: 'Dieses Passwort braucht einen Kleinbuchstaben.',
      requireUppercase: 'Dieses Passwort braucht einen Großbuchstaben.',
      requireNumbers: 'Dieses Passwort braucht eine Ziffer.',
      requireSymbols: 'Dieses Passwort braucht ein Sonderzeichen, etwa ! oder %.',
    },
  },
  errors: {
    incorrectCurrentPassword:
      'Ihr aktuelles Passwort ist nicht richtig. Prüfen Sie es und versuchen Sie es erneut.',
    passwordlessFailed:
      'Die Anmeldung mit diesen Antworten ist nicht gelungen. Beginnen Sie erneut.',
    alreadyConfirmed:
      'Dieses Konto kann nicht bestätigt werden, wahrscheinlich ist es schon bestätigt. Versuchen Sie, sich anzumelden.',
    incorrectCredentials:
      'Benutzername oder Passwort ist falsch. Nach mehreren Fehlversuchen ist die Anmeldung eine Weile gesperrt.',
    userNotConfirmed: 'Ihr Konto ist noch nicht bestätigt.',
    passwordResetRequired: 'Sie müssen Ihr Passwort zurücksetzen.',
    codeMismatch: 'Dieser Code stimmt nicht. Prüfen Sie ihn und versuchen Sie es erneut.',
    codeExpired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
    tooManyAttempts: 'Zu viele Versuche. Warten Sie eine Weile und versuchen Sie es erneut.',
    invalidPassword: 'Dieses Passwort erfüllt die Anforderungen nicht.',
    usernameExists: 'Ein Konto mit diesem Benutzernamen gibt es bereits.',
    invalidParameter: 'Einige Angaben sind ungültig. Prüfen Sie sie und versuchen Sie es erneut.',
    codeDeliveryFailed: 'Der Code konnte nicht gesendet werden. Versuchen Sie es später erneut.',
    mfaMethodNotFound: 'Diese Bestätigungsmethode ist für Ihr Konto nicht eingerichtet.',
    answerNotAccepted:
      'Diese Antwort wurde nicht angenommen. Prüfen Sie sie und versuchen Sie es erneut.',
    sessionExpired: 'Ihre Sitzung ist abgelaufen. Beginnen Sie von vorn.',
    network:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    rejectedByTrigger:
      'Die Anfrage wurde abgelehnt. Wenden Sie sich an den Support, wenn das wieder passiert.',
    configuration: 'Die Anmeldung ist nicht richtig eingerichtet. Wenden Sie sich an den Support.',
    passkeyCancelled:
      'Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen. Versuchen Sie es erneut oder wählen Sie eine andere Methode.',
    passkeyUnavailable:
      'In diesem Browser können keine Passkeys verwendet werden. Melden Sie sich auf andere Weise an.',
    passkeyFailed:
      'Der Passkey konnte nicht verwendet werden. Versuchen Sie es erneut oder wählen Sie eine andere Methode.',
    unexpected: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
    redirectRefused:
      'Die Anmeldung konnte nicht abgeschlossen werden: Der Link ist ungültig, wurde schon verwendet oder in einem anderen Tab geöffnet. Beginnen Sie von vorn.',
    providerRefused:
      'Die Anmeldung wurde abgebrochen oder abgelehnt. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.',
  },
  federation: {
    continueWith: (provider) => `Weiter mit ${provider}`,
    divider: 'oder',
    providers: 'Andere Anmeldemöglichkeiten',
    finishing: 'Anmeldung wird abgeschlossen…',
  },
};
