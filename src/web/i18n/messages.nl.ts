import type { StaffRole } from '../../domain/permissions.ts';

/**
 * Dutch UI copy, the source catalogue: the English one must have the same shape (type `Messages`).
 * Plain language (B1), "u" form. Texts that need a value are functions, so a translation cannot forget it.
 */
export const nl = {
  app: {
    name: 'Gehoord',
    skipToContent: 'Naar de inhoud',
    languageSwitch: 'English',
    languageSwitchLang: 'en',
    loading: 'Bezig met laden…',
    servedBy: 'Namens',
    apiLink: 'API-documentatie',
    status: 'Systeemstatus',
    errorSummaryTitle: 'Er ging iets mis',
    fieldErrorsTitle: 'Controleer deze velden',
    showPassword: 'Toon het wachtwoord',
    required: 'verplicht',
  },
  home: {
    title: 'Klachten zijn welkom',
    intro:
      'Gehoord is de plek waar u een klacht indient over de dienstverlening van uw woningcorporatie, en waar u kunt volgen wat ermee gebeurt.',
    promiseTitle: 'Wat u van ons mag verwachten',
    promises: [
      'U krijgt binnen vijf werkdagen antwoord.',
      'We bellen of bezoeken u om uw klacht te bespreken.',
      'U kunt altijd zien hoe het met uw klacht staat.',
    ],
    staffTitle: 'Voor medewerkers',
    staffText: 'Medewerkers registreren en behandelen klachten in de backoffice.',
    staffLogin: 'Inloggen voor medewerkers',
  },
  login: {
    pageTitle: 'Inloggen',
    title: 'Inloggen voor medewerkers',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    busy: 'Bezig met inloggen…',
    or: 'of',
    sso: 'Inloggen met uw organisatie-account',
    signedOut: 'U bent uitgelogd.',
    signedOutEverywhere: 'U bent uitgelogd op al uw apparaten.',
    retryIn: (minutes: number) =>
      minutes <= 1
        ? 'U kunt het over een minuut opnieuw proberen.'
        : `U kunt het over ${minutes} minuten opnieuw proberen.`,
    redirectFailed: 'Inloggen is niet gelukt. Probeer het opnieuw.',
    secondFactorTitle: 'Tweestapsverificatie',
    secondFactorIntro: 'Open de authenticator-app op uw telefoon en vul de code van zes cijfers in.',
    code: 'Code uit de app',
    codeHint: 'Zes cijfers, bijvoorbeeld 123456.',
    codeInvalid: 'Vul de zes cijfers uit de app in.',
    verify: 'Controleren',
    startOver: 'Opnieuw beginnen',
    backHome: 'Naar de startpagina',
  },
  setup: {
    pageTitle: 'Gehoord inrichten',
    title: 'Gehoord inrichten',
    checking: 'De installatielink wordt gecontroleerd…',
    noToken:
      'Open deze pagina met de eenmalige link die Gehoord liet zien toen het de eerste keer werd gestart.',
    intro:
      'Maak het account van de eerste beheerder aan. Met dit account richt u daarna de organisatie in en maakt u accounts voor collega’s.',
    organizationName: 'Naam van de woningcorporatie',
    name: 'Uw naam',
    email: 'Uw e-mailadres',
    password: 'Kies een wachtwoord',
    passwordHint:
      'Minstens 12 tekens. Een zin van een paar woorden werkt goed. Gebruik geen naam, e-mailadres of veelgebruikt wachtwoord.',
    passwordTooShort: 'Dit wachtwoord is te kort. Gebruik minstens 12 tekens.',
    loadDemo: 'Laad de demo-organisatie',
    loadDemoHint:
      'Maakt afdelingen, voorbeeldcollega’s (één per rol) en complexen aan, zodat u Gehoord meteen kunt uitproberen.',
    submit: 'Gehoord inrichten',
    busy: 'Bezig met inrichten…',
    toLogin: 'Naar inloggen',
    doneTitle: 'Gehoord is ingericht',
    demoWarningTitle: 'Deze wachtwoorden ziet u maar één keer',
    demoWarning:
      'Schrijf ze nu op of geef ze veilig door. Gehoord bewaart ze niet leesbaar en laat ze niet nog eens zien. Gebruik de demo-accounts alleen om uit te proberen.',
    demoAccountsTitle: 'Demo-accounts',
    demoAccountsCaption: 'Demo-accounts met hun eenmalig getoonde wachtwoord',
    columnName: 'Naam',
    columnEmail: 'E-mailadres',
    columnRoles: 'Rollen',
    columnDepartment: 'Afdeling',
    columnPassword: 'Wachtwoord',
    continue: 'Ik heb de wachtwoorden bewaard, ga verder',
  },
  shell: {
    mainNavigation: 'Hoofdmenu',
    work: 'Werk',
    account: 'Mijn account',
    signedInAs: 'Ingelogd als',
    logout: 'Uitloggen',
    logoutEverywhere: 'Overal uitloggen',
  },
  work: {
    pageTitle: 'Werk',
    title: 'Werk',
    signedInAs: (name: string) => `U bent ingelogd als ${name}.`,
    rolesTitle: 'Uw rollen',
    queueComingSoon: 'Hier komt uw werkvoorraad: de klachten die op u wachten.',
  },
  account: {
    pageTitle: 'Mijn account',
    title: 'Mijn account',
    passwordTitle: 'Wachtwoord wijzigen',
    currentPassword: 'Huidig wachtwoord',
    newPassword: 'Nieuw wachtwoord',
    changePassword: 'Wachtwoord wijzigen',
    passwordChanged: 'Uw wachtwoord is gewijzigd. Op uw andere apparaten bent u uitgelogd.',
    secondFactorTitle: 'Tweestapsverificatie',
    secondFactorOn: 'Tweestapsverificatie staat aan.',
    secondFactorOff:
      'Tweestapsverificatie staat uit. Met een code uit een app op uw telefoon is uw account beter beschermd.',
    secondFactorRequired: 'Voor uw rol is tweestapsverificatie verplicht. Stel die eerst in.',
    setUpSecondFactor: 'Tweestapsverificatie instellen',
    enrollPageTitle: 'Tweestapsverificatie instellen',
    enrollStep1:
      'Installeer een authenticator-app op uw telefoon, bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP.',
    enrollStep2: 'Scan deze QR-code met de app.',
    qrAlt: 'QR-code om Gehoord toe te voegen aan uw authenticator-app',
    manualEntry: 'Kunt u niet scannen? Vul dan deze sleutel in de app in:',
    enrollStep3: 'Vul de code van zes cijfers in die de app laat zien.',
    enable: 'Tweestapsverificatie aanzetten',
    enabled: 'Tweestapsverificatie staat nu aan. Voortaan vraagt Gehoord bij het inloggen om een code.',
    backToAccount: 'Terug naar mijn account',
  },
  notFound: {
    pageTitle: 'Pagina niet gevonden',
    title: 'Deze pagina bestaat niet',
    text: 'Misschien is het adres verkeerd getypt, of bestaat de pagina niet meer.',
    home: 'Naar de startpagina',
  },
  roles: {
    employee: 'Medewerker',
    manager: 'Leidinggevende',
    management_assistant: 'Managementassistent',
    management_team: 'MT-lid',
    board: 'Directie',
    legal: 'Jurist',
    admin: 'Beheerder',
  } satisfies Record<StaffRole, string>,
};

export type Messages = typeof nl;
