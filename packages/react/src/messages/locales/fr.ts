import { labelAttribute, plural, shortDate } from '../locale-support.js';
import type { DeliveryMedium, Messages, MfaMethodName } from '../types.js';

const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  email: 'Adresse e-mail',
  phone_number: 'Numéro de téléphone',
  name: 'Nom complet',
  given_name: 'Prénom',
  family_name: 'Nom de famille',
  middle_name: 'Deuxième prénom',
  nickname: 'Surnom',
  preferred_username: "Nom d'utilisateur préféré",
  birthdate: 'Date de naissance',
  address: 'Adresse postale',
  gender: 'Genre',
  locale: 'Paramètres régionaux',
  zoneinfo: 'Fuseau horaire',
  website: 'Site web',
  picture: "URL de l'image",
  profile: 'URL du profil',
};

const MFA_METHODS: Readonly<Record<MfaMethodName, string>> = {
  SMS_MFA: 'SMS',
  SOFTWARE_TOKEN_MFA: "Application d'authentification",
  EMAIL_OTP: 'E-mail',
};

const medium = (m: DeliveryMedium): string => (m === 'SMS' ? 'par SMS' : 'par e-mail');

/** French messages. */
export const fr: Messages = {
  locale: 'fr',
  direction: 'ltr',
  fields: {
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    confirmPassword: 'Répétez le mot de passe',
    email: 'Adresse e-mail',
    phoneNumber: 'Numéro de téléphone',
    code: 'Code de vérification',
    answer: 'Réponse',
    attribute: (name) => labelAttribute(ATTRIBUTE_LABELS, name),
  },
  actions: {
    signIn: 'Se connecter',
    signUp: "S'inscrire",
    signOut: 'Se déconnecter',
    submit: 'Envoyer',
    verify: 'Vérifier',
    continue: 'Continuer',
    sendCode: 'Envoyer le code',
    resendCode: 'Envoyer un nouveau code',
    resetPassword: 'Réinitialiser le mot de passe',
    changePassword: 'Changer le mot de passe',
    copy: 'Copier',
    copied: 'Copié',
    pending: 'Veuillez patienter…',
    forgotPassword: 'Mot de passe oublié ?',
    createAccount: 'Créer un compte',
    backToSignIn: 'Retour à la connexion',
    haveCode: "J'ai un code",
    setUpTotp: "Configurer une application d'authentification",
    cancel: 'Annuler',
    forgetDevice: 'Oublier',
    save: 'Enregistrer',
    showPassword: 'Afficher le mot de passe',
  },
  signIn: {
    title: 'Connexion',
    rememberDevice: 'Se souvenir de cet appareil',
    rememberDeviceTitle: 'Se souvenir de cet appareil ?',
    rememberDeviceDescription:
      'Un appareil mémorisé peut sauter la deuxième étape de connexion. Ne mémorisez que les appareils que vous êtes seul à utiliser.',
    rememberDeviceYes: 'Se souvenir de cet appareil',
    rememberDeviceNo: 'Pas maintenant',
    signUpConfirmedTitle: 'Compte confirmé',
    signUpConfirmed: 'Votre compte est confirmé. Connectez-vous pour continuer.',
  },
  newPassword: {
    title: 'Choisissez un nouveau mot de passe',
    description: 'Vous devez définir un nouveau mot de passe avant de continuer.',
  },
  mfa: {
    title: 'Saisissez votre code',
    codeSent: (m, destination) => `Nous avons envoyé un code ${medium(m)} à ${destination}.`,
    totpDescription: "Saisissez le code à 6 chiffres de votre application d'authentification.",
    selectTitle: 'Choisissez comment vérifier',
    selectDescription: 'Choisissez comment recevoir votre code de connexion.',
    method: (m) => MFA_METHODS[m],
    setupTitle: 'Configurer la validation en deux étapes',
    setupDescription:
      'Votre compte demande une deuxième étape à la connexion. Choisissez une méthode.',
    emailSetupDescription: "Saisissez l'adresse e-mail qui recevra vos codes de connexion.",
    customTitle: 'Répondez à la question',
  },
  totp: {
    title: "Configurer une application d'authentification",
    instructions:
      "Scannez le code QR avec votre application d'authentification ou saisissez la clé à la main.",
    qrLabel: "Code QR pour votre application d'authentification",
    secretLabel: 'Clé de configuration',
    codeDescription: "Saisissez ensuite le code à 6 chiffres affiché par l'application.",
    success: "Votre application d'authentification est configurée.",
  },
  signUp: {
    title: 'Créer un compte',
  },
  confirmSignUp: {
    title: 'Confirmez votre compte',
    description: 'Saisissez le code que nous vous avons envoyé.',
    codeSent: (m, destination) => `Nous avons envoyé un code ${medium(m)} à ${destination}.`,
    codeResent: 'Un nouveau code est en route.',
    success: 'Votre compte est confirmé. Vous pouvez maintenant vous connecter.',
  },
  forgotPassword: {
    title: 'Réinitialiser votre mot de passe',
    description: "Saisissez votre nom d'utilisateur et nous vous enverrons un code.",
    confirmTitle: 'Choisissez un nouveau mot de passe',
    success: 'Votre mot de passe a été réinitialisé. Vous pouvez maintenant vous connecter.',
  },
  security: {
    title: 'Sécurité',
    mfaTitle: 'Validation en deux étapes',
    mfaPreferred: 'Méthode préférée',
    mfaNone: 'Désactivée',
    mfaNothingToChoose:
      "Désactivée. Configurez une deuxième étape, comme une application d'authentification, pour l'activer.",
    mfaSaved: 'Votre réglage de validation en deux étapes est enregistré.',
    devicesTitle: 'Appareils mémorisés',
    noDevices: 'Aucun appareil mémorisé.',
    unnamedDevice: 'Appareil sans nom',
    lastUsed: (date) => `Dernière utilisation le ${shortDate('fr', date)}`,
    changePasswordTitle: 'Changer le mot de passe',
    passwordChanged: 'Votre mot de passe a été changé.',
    loading: 'Chargement…',
  },
  passwordless: {
    chooseTitle: 'Choisissez comment vous connecter',
    chooseDescription: "Choisissez l'un des modes de connexion de votre compte.",
    factors: {
      WEB_AUTHN: "Se connecter avec une clé d'accès",
      EMAIL_OTP: 'Recevoir un code par e-mail',
      SMS_OTP: 'Recevoir un code par SMS',
      PASSWORD: 'Utiliser mon mot de passe',
    },
    useAnotherWay: 'Utiliser une autre méthode',
    emailCodeTitle: 'Consultez vos e-mails',
    smsCodeTitle: 'Consultez votre téléphone',
    passkeyTitle: "Se connecter avec une clé d'accès",
    passkeyDescription:
      "Utilisez la clé d'accès de cet appareil, d'un téléphone ou d'une clé de sécurité.",
    passkeyRetry: "Réessayer la clé d'accès",
    passwordTitle: 'Saisissez votre mot de passe',
  },
  passkeys: {
    title: "Clés d'accès",
    description:
      "Connectez-vous avec votre empreinte, votre visage ou le verrouillage de l'écran au lieu d'un mot de passe.",
    none: "Aucune clé d'accès pour l'instant.",
    add: "Ajouter une clé d'accès",
    added: "Votre clé d'accès a été ajoutée.",
    created: (date) => `Ajoutée le ${shortDate('fr', date)}`,
    remove: 'Supprimer',
    removeConfirm: "Supprimer cette clé d'accès ? Vous ne pourrez plus vous connecter avec elle.",
    confirmRemove: 'Oui, la supprimer',
    removed: "La clé d'accès a été supprimée.",
    unsupported: "Ce navigateur ne peut pas utiliser de clés d'accès.",
  },
  validation: {
    required: 'Remplissez ce champ.',
    codeFormat: 'Saisissez les 6 chiffres du code.',
    emailFormat: 'Saisissez une adresse e-mail, par exemple nom@example.com.',
    phoneFormat:
      "Saisissez le numéro avec + et l'indicatif du pays, chiffres uniquement, par exemple +33612345678.",
    passwordMismatch: 'Les mots de passe ne correspondent pas.',
    passwordRules: 'Le mot de passe ne respecte pas toutes les règles ci-dessous.',
  },
  passwordRules: {
    title: 'Votre mot de passe doit contenir',
    minimumLength: (length) =>
      plural('fr', length, { one: 'au moins # caractère', other: 'au moins # caractères' }),
    requireLowercase: 'une lettre minuscule',
    requireUppercase: 'une lettre majuscule',
    requireNumbers: 'un chiffre',
    requireSymbols: 'un symbole, comme ! ou %',
    met: 'fait',
    unmet: 'manquant',
    refused: {
      minimumLength: 'Ce mot de passe est trop court pour ce compte.',
      requireLowercase: 'Ce mot de passe doit contenir une lettre minuscule.',
      requireUppercase: 'Ce mot de passe doit contenir une lettre majuscule.',
      requireNumbers: 'Ce mot de passe doit contenir un chiffre.',
      requireSymbols: 'Ce mot de passe doit contenir un symbole, comme ! ou %.',
    },
  },
  errors: {
    incorrectCurrentPassword:
      "Votre mot de passe actuel n'est pas correct. Vérifiez-le et réessayez.",
    passwordlessFailed: "Nous n'avons pas pu vous connecter avec ces réponses. Recommencez.",
    alreadyConfirmed:
      'Ce compte ne peut pas être confirmé : il est sans doute déjà confirmé. Essayez de vous connecter.',
    incorrectCredentials:
      "Nom d'utilisateur ou mot de passe incorrect. Après plusieurs échecs, la connexion est suspendue pendant un moment.",
    userNotConfirmed: "Votre compte n'est pas encore confirmé.",
    passwordResetRequired: 'Vous devez réinitialiser votre mot de passe.',
    codeMismatch: "Ce code n'est pas correct. Vérifiez-le et réessayez.",
    codeExpired: 'Ce code a expiré. Demandez-en un nouveau.',
    tooManyAttempts: 'Trop de tentatives. Patientez un moment et réessayez.',
    invalidPassword: 'Ce mot de passe ne respecte pas les exigences.',
    usernameExists: "Un compte avec ce nom d'utilisateur existe déjà.",
    invalidParameter: 'Certaines informations ne sont pas valides. Vérifiez-les et réessayez.',
    codeDeliveryFailed: "Nous n'avons pas pu envoyer le code. Réessayez plus tard.",
    mfaMethodNotFound: "Cette méthode de vérification n'est pas configurée pour votre compte.",
    answerNotAccepted: "Cette réponse n'a pas été acceptée. Vérifiez-la et réessayez.",
    sessionExpired: 'Votre session a expiré. Recommencez.',
    network: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    rejectedByTrigger: "La demande a été refusée. Contactez l'assistance si cela se reproduit.",
    configuration: "La connexion n'est pas configurée correctement. Contactez l'assistance.",
    passkeyCancelled:
      "La demande de clé d'accès a été annulée ou a expiré. Réessayez ou utilisez une autre méthode.",
    passkeyUnavailable:
      "Les clés d'accès ne fonctionnent pas dans ce navigateur. Connectez-vous autrement.",
    passkeyFailed:
      "La clé d'accès n'a pas pu être utilisée. Réessayez ou utilisez une autre méthode.",
    unexpected: "Une erreur s'est produite. Réessayez.",
    redirectRefused:
      "Impossible de finaliser la connexion : le lien n'est pas valide, a déjà été utilisé ou a été ouvert dans un autre onglet. Recommencez.",
    providerRefused:
      'La connexion a été annulée ou refusée. Réessayez ou choisissez un autre moyen de vous connecter.',
  },
  federation: {
    continueWith: (provider) => `Continuer avec ${provider}`,
    divider: 'ou',
    providers: 'Autres moyens de se connecter',
    finishing: 'Finalisation de la connexion…',
  },
};
