import { PORTAL_MAX_TOTAL_BYTES } from '../../../../domain/index.ts';

// The portal's Dutch texts, at B1 level: short sentences, everyday words, "u". The English catalogue
// has the same shape (checked by the type); a new language is one more file like this one.

export const nl = {
  locale: 'nl',
  dateLocale: 'nl-NL',
  languageName: 'Nederlands',
  /** The name of the language switch (a nav landmark). */
  languageSwitchLabel: 'Taal',
  skipLink: 'Direct naar de inhoud',
  titleSuffix: 'Klacht indienen',
  errorTitlePrefix: 'Fout: ',
  required: '(verplicht)',
  optional: '(niet verplicht)',
  contactLine: (phone: string) => `Liever persoonlijk contact? Bel ons: ${phone}.`,
  contactEmailLine: (email: string) => `Of mail naar ${email}.`,
  errorSummaryTitle: 'Er gaat iets mis',
  errorSummaryIntro: 'Verbeter deze punten en verstuur het formulier opnieuw:',
  errorPrefix: 'Fout:',

  formTitle: 'Een klacht indienen',
  formIntro: [
    'Bent u niet tevreden over ons of over een bedrijf dat voor ons werkt? Dat horen we graag. Zo kunnen we het beter doen.',
    'U krijgt binnen 5 werkdagen een reactie. Meestal bellen we u eerst op.',
  ],
  formNoTimeLimit: 'U kunt dit formulier rustig invullen. Er is geen tijdslimiet.',
  stepTopic: 'Onderwerp',
  topicLegend: 'Waar gaat het over?',
  topics: {
    complaint: 'Ik ben niet tevreden over hoe iets is gegaan (een klacht)',
    repair: 'Er moet iets gerepareerd worden en ik heb dat nog niet gemeld',
    nuisance: 'Ik heb last van buren of omwonenden (overlast)',
    fraud: 'Ik denk dat iemand een woning verkeerd gebruikt (woonfraude)',
    rent: 'Ik ben het niet eens met mijn huurverhoging, huurprijs of servicekosten',
  },
  routeTitle: 'Dit kunt u beter ergens anders melden',
  routeAdvice: {
    repair:
      'Een reparatie die u nog niet eerder heeft gemeld, is nog geen klacht. Meld de reparatie. Dan gaan we er direct mee aan de slag. Is de reparatie al gemeld, maar niet of slecht uitgevoerd? Dan is het wel een klacht.',
    nuisance:
      'Overlast meldt u bij ons als overlastmelding. Wordt uw melding niet of slecht behandeld? Dan kunt u daarover een klacht indienen.',
    fraud:
      'Woonfraude meldt u bij ons als melding woonfraude. U mag dat anoniem doen. Wordt uw melding niet goed behandeld? Dan kunt u een klacht indienen.',
    rent: 'Over de huurverhoging, de huurprijs of de servicekosten gaat de klachtenprocedure niet. Daarvoor is de bezwaarprocedure.',
  },
  routeLink: {
    repair: 'Een reparatie melden',
    nuisance: 'Overlast melden',
    fraud: 'Woonfraude melden',
    rent: 'Bezwaar maken',
  },
  routeCall: 'Bel ons:',
  routeNoLink: 'Neem hiervoor contact met ons op.',
  routeStillComplaint: 'Is het toch een klacht? Dan kunt u het formulier gewoon versturen.',
  routeSubmitAnyway: 'Toch een klacht indienen',
  routeBack: 'Terug naar het formulier',

  whoLegend: 'Wie bent u?',
  onBehalfLegend: 'Dient u de klacht in voor uzelf of voor iemand anders?',
  onBehalf: { self: 'Voor mijzelf', other: 'Voor iemand anders, bijvoorbeeld mijn vader of moeder' },
  relationLegend: 'Wat is uw situatie?',
  relationLegendOther: 'Wat is de situatie van degene voor wie u de klacht indient?',
  relations: {
    tenant: 'Ik huur een woning van u',
    prospective_tenant: 'Ik wil een woning huren (woningzoekende)',
    buyer: 'Ik heb een woning gekocht of wil die kopen',
    other: 'Iets anders',
  },
  nameLabel: 'Uw naam',
  representativeLegend: 'Voor wie dient u de klacht in?',
  representativeHint: 'Alleen invullen als u de klacht voor iemand anders indient.',
  complainantNameLabel: 'Naam van degene voor wie u de klacht indient',
  representativeRelationLabel: 'Wat bent u van deze persoon?',
  representativeRelationHint: 'Bijvoorbeeld: dochter, buurman, begeleider.',
  consentLabel: 'Deze persoon weet van de klacht en vindt het goed dat ik die indien.',

  contactLegend: 'Hoe kunnen we u bereiken?',
  contactHint: 'Vul een e-mailadres of een telefoonnummer in. Of allebei.',
  emailLabel: 'E-mailadres',
  emailHint: 'U krijgt dan een bevestiging per e-mail.',
  phoneLabel: 'Telefoonnummer',
  preferredLegend: 'Hoe wilt u het liefst contact?',
  preferred: { phone: 'Telefoon', email: 'E-mail', letter: 'Brief' },
  // Issue 26 (decision 052): adjustments the complainant asks for, and the status page's list of them
  adjust: {
    legend: 'Heeft u hulp of een aanpassing nodig?',
    hint: 'Alleen als u dat wilt. Wij houden er rekening mee in onze brieven en gesprekken.',
    channelNote:
      'Koos u hierboven voor een brief? Dan sturen wij al onze berichten per post, ook als u een e-mailadres invulde.',
    largePrint: 'Ik wil brieven in grote letters',
    interpreter: 'Heeft u een tolk nodig? Vul de taal in',
    representativeLegend: 'Iemand die namens u optreedt',
    representativeHint: 'Bijvoorbeeld een familielid, een bewindvoerder of een curator.',
    representativeName: 'Naam van deze persoon',
    representativeContact: 'Hoe bereiken wij deze persoon? Telefoon of e-mail',
    authorityLegend: 'Waarom mag deze persoon namens u optreden?',
    authorities: {
      written_authorisation: 'Ik heb deze persoon schriftelijk toestemming gegeven (een machtiging)',
      guardian: 'Deze persoon is mijn curator, bewindvoerder of mentor',
    },
    receivesCopies: 'Deze persoon krijgt een kopie van onze berichten',
    needsLegend: 'Hulp bij lezen of horen',
    needsHint: 'Dit zegt iets over uw gezondheid. Wij bewaren het alleen als u daar toestemming voor geeft.',
    needs: {
      low_vision: 'Ik zie slecht',
      blind: 'Ik ben blind',
      hard_of_hearing: 'Ik hoor slecht',
      deaf: 'Ik ben doof',
      reading_difficulty: 'Lezen is moeilijk voor mij',
    },
    needsNote: 'Wat helpt u?',
    needsConsent:
      'Ik geef toestemming dat u dit bewaart om mij beter te helpen. Ik kan dit altijd intrekken.',
    errors: {
      interpreter: 'De taal mag niet langer zijn dan 60 tekens',
      representativeName: 'Vul de naam in van de persoon die namens u optreedt',
      representativeContact: 'Vul een telefoonnummer of e-mailadres in van de persoon die namens u optreedt',
      authority: 'Kies waarom deze persoon namens u mag optreden',
      needsConsent:
        'Geef toestemming, of vink de hulp bij lezen of horen uit. Zonder uw toestemming bewaren wij dit niet',
      needsNote: 'Dit antwoord mag niet langer zijn dan 300 tekens',
    },
    statusTitle: 'Waar u om vroeg',
    statusIntro: 'Hiermee houden wij rekening. Klopt er iets niet? Laat het ons weten.',
    channel: {
      email: 'Berichten per e-mail',
      letter: 'Berichten per brief',
      phone: 'Contact per telefoon',
      portal: 'Berichten via deze pagina',
    },
    largePrintDone: 'Brieven in grote letters',
    interpreterDone: (language: string) => `Een tolk: ${language}`,
    callBackDone: 'Terugbellen op de tijden die u noemde',
    representativeDone: (name: string) => `${name} treedt namens u op`,
    needsDone: 'Hulp bij lezen of horen (met uw toestemming bewaard)',
    thanksPost: 'U krijgt ook een bevestiging per post.',
  },

  addressLegend: 'Over welk adres gaat het?',
  addressHint: 'Weet u het niet of gaat het niet over een woning? Laat dit dan leeg.',
  postcodeLabel: 'Postcode',
  postcodeHint: 'Bijvoorbeeld: 3155 AB',
  houseNumberLabel: 'Huisnummer',
  additionLabel: 'Toevoeging',
  additionHint: 'Bijvoorbeeld: A of 2-hoog',

  complaintLegend: 'Uw klacht',
  descriptionLabel: 'Wat is er misgegaan?',
  descriptionHint: 'Vertel het in uw eigen woorden. Wat gebeurde er, en wanneer?',
  desiredOutcomeLabel: 'Wat wilt u dat wij doen?',
  desiredOutcomeHint: 'Bijvoorbeeld: excuses, een nieuwe afspraak, of dat iets wordt gerepareerd.',
  filesNote: 'Heeft u foto’s of brieven? Noem ze in uw klacht. Wij vragen er dan naar.',
  filesLabel: 'Foto’s of documenten',
  filesHint: (megabytes: number) =>
    `U kunt tot 5 bestanden meesturen: foto’s (JPG, PNG of WebP) of PDF. Elk bestand is hoogstens ${megabytes} MB. Wij halen de plaats waar een foto is gemaakt eruit.`,
  filesChooseAgain:
    'Had u bestanden gekozen? Kies ze opnieuw. Wij bewaren ze pas als u het formulier verstuurt.',
  fileErrors: {
    too_many: (name: string) =>
      `U kunt niet meer dan 5 bestanden meesturen. ${name} en de bestanden daarna zijn niet meegestuurd.`,
    too_large: (name: string) => `${name} is te groot. Kies een kleiner bestand.`,
    total_too_large: (name: string) =>
      `De bestanden zijn samen te groot (hoogstens ${PORTAL_MAX_TOTAL_BYTES / (1024 * 1024)} MB). ${name} past er niet meer bij.`,
    wrong_type: (name: string) => `${name} is geen foto of PDF. Kies een foto (JPG, PNG of WebP) of een PDF.`,
    empty: (name: string) => `${name} is leeg. Kies een ander bestand.`,
    unreadable: (name: string) => `${name} kunnen wij niet lezen. Kies een ander bestand.`,
  },
  honeypotLabel: 'Laat dit veld leeg',
  submit: 'Klacht versturen',
  privacyNote:
    'Wij gebruiken uw gegevens alleen om uw klacht te behandelen. Alleen de medewerkers die aan uw klacht werken, zien ze.',

  errors: {
    topic: 'Kies waar het over gaat',
    onBehalf: 'Kies of u de klacht voor uzelf of voor iemand anders indient',
    relation: 'Kies wat uw situatie is',
    name: 'Vul uw naam in',
    nameTooLong: 'Uw naam mag niet langer zijn dan 200 tekens',
    complainantName: 'Vul de naam in van degene voor wie u de klacht indient',
    representativeRelation: 'Vul in wat u van deze persoon bent',
    consent: 'Vink aan dat deze persoon het goedvindt dat u de klacht indient',
    contact: 'Vul een e-mailadres of een telefoonnummer in',
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl',
    phone: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678',
    preferred: 'Kies hoe u het liefst contact wilt',
    preferredEmailMissing: 'U koos voor e-mail: vul dan ook uw e-mailadres in',
    preferredPhoneMissing: 'U koos voor telefoon: vul dan ook uw telefoonnummer in',
    preferredLetterMissing: 'U koos voor een brief: vul dan ook uw postcode en huisnummer in',
    postcode: 'Vul een geldige postcode in, bijvoorbeeld 3155 AB',
    houseNumber: 'Vul een huisnummer in met alleen cijfers, bijvoorbeeld 12',
    houseNumberMissing: 'Vul ook uw huisnummer in',
    postcodeMissing: 'Vul ook uw postcode in',
    addition: 'De toevoeging mag niet langer zijn dan 10 tekens',
    description: 'Vertel wat er is misgegaan',
    descriptionTooLong: 'Uw klacht mag niet langer zijn dan 20.000 tekens',
    desiredOutcomeTooLong: 'Dit antwoord mag niet langer zijn dan 5.000 tekens',
    message: 'Schrijf uw bericht',
    messageTooLong: 'Uw bericht mag niet langer zijn dan 5.000 tekens',
    handling: 'Kies een cijfer voor de behandeling',
    outcome: 'Kies een cijfer voor de oplossing',
    commentTooLong: 'Uw toelichting mag niet langer zijn dan 2.000 tekens',
  },
  formExpired: 'Het formulier was verlopen. Controleer uw gegevens en verstuur het opnieuw.',
  formTooFast: 'Het formulier werd erg snel verstuurd. Controleer uw gegevens en verstuur het opnieuw.',
  alreadySent: (reference: string) =>
    `Uw klacht is al verstuurd (kenmerk ${reference}). Wilt u nog een klacht indienen? Controleer uw gegevens en verstuur het formulier opnieuw.`,

  thanksTitle: 'Bedankt, wij hebben uw klacht ontvangen',
  referenceLabel: 'Uw kenmerk',
  thanksDue: (date: string) => `U hoort uiterlijk op ${date} van ons.`,
  thanksNext:
    'Een medewerker neemt contact met u op. Meestal bellen we u eerst. Samen zoeken we naar een oplossing.',
  thanksEmail: 'U krijgt ook een bevestiging per e-mail.',
  statusLinkTitle: 'Uw persoonlijke link',
  statusLinkText:
    'Met deze link ziet u hoe het met uw klacht gaat. U kunt ons ook een bericht sturen. Bewaar de link goed en deel hem niet met anderen.',
  statusLinkOpen: 'Bekijk uw klacht',

  statusTitle: 'Uw klacht',
  mergedNotice: (from: string, into: string) =>
    `Uw klacht ${from} ging over hetzelfde als klacht ${into}. We hebben ze samengevoegd: hieronder ziet u hoe het met klacht ${into} staat.`,
  statusLabel: 'Stand van zaken',
  statuses: {
    new: 'Wij hebben uw klacht ontvangen',
    in_progress: 'Wij zijn met uw klacht bezig',
    answered: 'Wij hebben uw klacht beantwoord',
    with_committee: 'Uw klacht ligt bij de regionale klachtencommissie',
    closed: 'Uw klacht is afgerond',
    referred: 'Uw melding is doorgestuurd naar de juiste afdeling',
    declined_outside_procedure: 'Uw melding valt buiten de klachtenprocedure',
    withdrawn: 'Uw klacht is ingetrokken',
    with_board: 'De directie bekijkt uw klacht',
    merged: 'Uw klacht is samengevoegd met een andere klacht van u',
  } as Record<string, string>,
  receivedOn: (date: string) => `Ontvangen op ${date}`,
  dueOn: (date: string) => `U hoort uiterlijk op ${date} van ons.`,
  messagesTitle: 'Berichten',
  noMessages: 'Er zijn nog geen berichten.',
  messageFrom: { us: 'Van ons', you: 'Van u' },
  eventTitles: {
    answer_sent: 'Ons antwoord op uw klacht',
    explanation_sent: 'Uitleg over uw melding',
    extension_notice_sent: 'Wij hebben meer tijd nodig',
    referral_recorded: 'Uw melding is doorgestuurd',
    complainant_message: 'Uw bericht',
  } as Record<string, string>,
  extendedTo: (date: string) => `Nieuwe datum: ${date}.`,
  referrals: {
    repair: 'Uw melding is doorgestuurd als reparatieverzoek.',
    nuisance: 'Uw melding is doorgestuurd als overlastmelding.',
    fraud: 'Uw melding is doorgestuurd als melding woonfraude.',
    other: 'Uw melding is doorgestuurd naar de juiste afdeling.',
  } as Record<string, string>,
  yourComplaintTitle: 'Wat u ons schreef',
  addInfoTitle: 'Iets toevoegen',
  addInfoHint: 'Wilt u nog iets vertellen? Schrijf het hier. De medewerker leest het.',
  addInfoLabel: 'Uw bericht',
  addInfoSubmit: 'Bericht versturen',
  addInfoSent: 'Bedankt. Uw bericht is toegevoegd aan uw klacht.',
  filesNotYet: 'Heeft u foto’s of brieven? Noem ze in uw bericht. Wij vragen er dan naar.',

  satisfactionTitle: 'Wat vindt u ervan?',
  satisfactionIntro:
    'Wij willen graag weten wat u van de behandeling van uw klacht vindt. Geef een cijfer van 1 tot 5.',
  handlingLegend: 'Hoe hebben wij uw klacht behandeld?',
  outcomeLegend: 'Hoe tevreden bent u met de oplossing?',
  scale: {
    1: '1 – heel ontevreden',
    2: '2 – ontevreden',
    3: '3 – neutraal',
    4: '4 – tevreden',
    5: '5 – heel tevreden',
  } as Record<number, string>,
  commentLabel: 'Wilt u nog iets toelichten?',
  satisfactionSubmit: 'Versturen',
  satisfactionThanks: 'Bedankt voor uw mening.',
  satisfactionGiven: (handling: number, outcome: number) =>
    `U gaf de behandeling een ${handling} en de oplossing een ${outcome}.`,
  notSatisfiedTitle: 'Niet tevreden? Dit kunt u doen',
  notSatisfiedFollowUp: 'Een leidinggevende van ons kijkt naar uw klacht en neemt contact met u op.',
  notSatisfiedRepeat: (reference: string) =>
    `Heeft u nieuwe feiten of bewijs? Dien dan een nieuwe klacht in en noem uw kenmerk ${reference}. Wij bekijken uw klacht dan opnieuw.`,
  notSatisfiedRepeatLink: 'Een nieuwe klacht indienen',
  notSatisfiedCommittee: (name: string) =>
    `U kunt ook naar de ${name}. Die commissie is onafhankelijk. Zij kijkt of wij uw klacht goed hebben behandeld.`,
  committeeDefaultName: 'regionale klachtencommissie',
  committeeContactLabel: 'Zo bereikt u de commissie:',
  committeeWebsite: 'Website van de commissie',

  // Issue 21: the case code from a letter, typed on /klacht/status
  codeTitle: 'Uw klacht volgen met een code',
  codeIntro:
    'Heeft u van ons een brief gekregen over uw klacht? Daarin staan een code en uw kenmerk. Vul ze hieronder in. Dan ziet u hoe het met uw klacht gaat.',
  codeLabel: 'Code uit de brief',
  codeHint: 'Bijvoorbeeld 7KQM-3XHD-P9AV. Hoofdletters en streepjes maken niet uit.',
  codeReferenceLabel: 'Kenmerk uit de brief',
  codeReferenceHint: 'Bijvoorbeeld K-2026-00042.',
  codeSubmit: 'Bekijk mijn klacht',
  codeMissing: 'Vul de code uit de brief in',
  codeReferenceMissing: 'Vul het kenmerk uit de brief in',
  codeNotFound:
    'Deze code en dit kenmerk horen niet bij elkaar, of de code werkt niet meer. Kijk goed of u ze juist heeft overgenomen. Lukt het niet? Bel ons en noem uw kenmerk.',
  codeEmailNote: 'Kreeg u een e-mail van ons? Gebruik dan de link in die e-mail.',

  invalidLinkTitle: 'Deze link werkt niet',
  invalidLinkText: [
    'Deze link is niet (meer) geldig. Misschien is er een teken weggevallen bij het kopiëren. Of uw klacht is al een tijd geleden afgerond.',
    'Neem contact met ons op als u vragen heeft over uw klacht. Noem dan uw kenmerk.',
  ],
  newComplaintLink: 'Een nieuwe klacht indienen',

  rejectedTitle: 'Dit formulier kon niet worden verstuurd',
  rejectedText: 'Er ging iets mis met het formulier. Open het formulier opnieuw en probeer het nog eens.',
  rateLimitedTitle: 'Even wachten',
  rateLimitedText:
    'Er zijn vanaf uw internetverbinding veel formulieren verstuurd. Probeer het over een uur opnieuw, of bel ons.',
  notFoundTitle: 'Deze pagina bestaat niet',
  notFoundText: 'Misschien is het adres verkeerd getypt. Op de beginpagina vindt u de weg.',
  frontDoorLink: 'Naar de beginpagina',

  // The front door (issue 21): the first page a tenant finds.
  frontDoorTitle: 'Klachten',
  frontDoorIntro: [
    'Bent u niet tevreden over ons, of over een bedrijf dat voor ons werkt? Vertel het ons. Zo kunnen we het beter doen.',
    'Wij reageren binnen 5 werkdagen. En we laten u altijd weten hoe het met uw klacht gaat.',
  ],
  frontDoorSubmit: 'Klacht indienen',
  frontDoorSubmitHint: 'Vul het formulier in. Dat duurt ongeveer 5 minuten.',
  frontDoorFollow: 'Mijn klacht volgen',
  frontDoorFollowHint:
    'Heeft u al een klacht ingediend? Gebruik de link uit onze e-mail of de code uit onze brief.',
  frontDoorContactTitle: 'Contact',
  frontDoorContactIntro:
    'Liever persoonlijk contact? Dat kan ook. U kunt uw klacht ook telefonisch, per brief of aan de balie doorgeven.',
  frontDoorPhone: 'Telefoon',
  frontDoorEmail: 'E-mail',
  frontDoorHours: 'Bereikbaar',
  frontDoorWebsite: 'Website',
  staffSignIn: 'Inloggen voor medewerkers',

  // Meta descriptions: what a search engine shows under the page title.
  descriptions: {
    frontDoor: (name: string) =>
      `Niet tevreden over ${name}? Dien hier uw klacht in of volg hoe het met uw klacht gaat.`,
    form: (name: string) => `Dien een klacht in bij ${name}. U krijgt binnen 5 werkdagen een reactie.`,
    code: (name: string) => `Volg uw klacht bij ${name} met de code uit onze brief.`,
    other: (name: string) => `De klachtenpagina van ${name}.`,
  },
  busyTitle: 'Even geduld',
  busyText:
    'Het is nu erg druk. Probeer het over een paar seconden opnieuw. Had u het formulier al verstuurd? Stuur het gerust nog een keer: uw klacht komt maar één keer bij ons binnen.',
  errorTitle: 'Er ging iets mis',
  errorText: 'Er ging bij ons iets mis. Probeer het later opnieuw, of bel ons.',

  email: {
    subject: (reference: string) => `Wij hebben uw klacht ontvangen (${reference})`,
    greeting: (name: string) => `Beste ${name},`,
    received: 'Bedankt voor uw klacht. Wij hebben hem goed ontvangen.',
    reference: (reference: string) => `Uw kenmerk is: ${reference}`,
    due: (date: string) => `U hoort uiterlijk op ${date} van ons. Meestal bellen we u eerst.`,
    link: 'Met deze persoonlijke link ziet u hoe het met uw klacht gaat. Deel de link niet met anderen:',
    closing: 'Met vriendelijke groet,',
  },
};
