import { PORTAL_MAX_TOTAL_BYTES } from '../../../../domain/index.ts';
import type { PortalMessages } from './messages.ts';

// The portal's English texts: plain English for people who read Dutch poorly.

export const en: PortalMessages = {
  locale: 'en',
  dateLocale: 'en-GB',
  languageName: 'English',
  /** The name of the language switch (a nav landmark). */
  languageSwitchLabel: 'Language',
  skipLink: 'Skip to main content',
  titleSuffix: 'Make a complaint',
  errorTitlePrefix: 'Error: ',
  required: '(required)',
  optional: '(optional)',
  contactLine: (phone: string) => `Prefer to talk to someone? Call us: ${phone}.`,
  contactEmailLine: (email: string) => `Or e-mail ${email}.`,
  errorSummaryTitle: 'There is a problem',
  errorSummaryIntro: 'Please correct these and send the form again:',
  errorPrefix: 'Error:',

  formTitle: 'Make a complaint',
  formIntro: [
    'Are you unhappy with us, or with a company working for us? Please tell us. It helps us do better.',
    'You will hear from us within 5 working days. Usually we call you first.',
  ],
  formNoTimeLimit: 'Take your time filling in this form. There is no time limit.',
  stepTopic: 'Topic',
  topicLegend: 'What is it about?',
  topics: {
    complaint: 'I am unhappy with how something went (a complaint)',
    repair: 'Something needs repairing and I have not reported it yet',
    nuisance: 'I am bothered by neighbours or people nearby (nuisance)',
    fraud: 'I think someone is misusing a home (housing fraud)',
    rent: 'I disagree with my rent increase, rent or service charges',
  },
  routeTitle: 'This is better reported elsewhere',
  routeAdvice: {
    repair:
      'A repair you have not reported before is not a complaint yet. Please report the repair, and we will start on it straight away. Was the repair reported but not done, or done badly? Then it is a complaint.',
    nuisance:
      'Please report nuisance to us as a nuisance report. If your report is not handled, or handled badly, you can make a complaint about that.',
    fraud:
      'Please report housing fraud to us as a fraud report. You may do so anonymously. If your report is not handled well, you can make a complaint.',
    rent: 'The complaints procedure does not cover rent increases, rent or service charges. There is an objection procedure for that.',
  },
  routeLink: {
    repair: 'Report a repair',
    nuisance: 'Report nuisance',
    fraud: 'Report housing fraud',
    rent: 'Make an objection',
  },
  routeCall: 'Call us:',
  routeNoLink: 'Please contact us about this.',
  routeStillComplaint: 'Is it a complaint after all? Then just send the form.',
  routeSubmitAnyway: 'Make a complaint anyway',
  routeBack: 'Back to the form',

  whoLegend: 'Who are you?',
  onBehalfLegend: 'Are you complaining for yourself or for someone else?',
  onBehalf: { self: 'For myself', other: 'For someone else, for example my father or mother' },
  relationLegend: 'What is your situation?',
  relationLegendOther: 'What is the situation of the person you are complaining for?',
  relations: {
    tenant: 'I rent a home from you',
    prospective_tenant: 'I want to rent a home (home seeker)',
    buyer: 'I bought a home, or want to buy one',
    other: 'Something else',
  },
  nameLabel: 'Your name',
  representativeLegend: 'Who are you complaining for?',
  representativeHint: 'Only fill this in if you are complaining for someone else.',
  complainantNameLabel: 'Name of the person you are complaining for',
  representativeRelationLabel: 'How are you related to this person?',
  representativeRelationHint: 'For example: daughter, neighbour, carer.',
  consentLabel: 'This person knows about the complaint and agrees that I make it.',

  contactLegend: 'How can we reach you?',
  contactHint: 'Give an e-mail address or a phone number. Or both.',
  emailLabel: 'E-mail address',
  emailHint: 'You will then get a confirmation by e-mail.',
  phoneLabel: 'Phone number',
  preferredLegend: 'How would you like us to contact you?',
  preferred: { phone: 'Phone', email: 'E-mail', letter: 'Letter' },

  addressLegend: 'Which address is it about?',
  addressHint: 'Not sure, or not about a home? Leave this empty.',
  postcodeLabel: 'Postcode',
  postcodeHint: 'For example: 3155 AB',
  houseNumberLabel: 'House number',
  additionLabel: 'Addition',
  additionHint: 'For example: A or 2nd floor',

  complaintLegend: 'Your complaint',
  descriptionLabel: 'What went wrong?',
  descriptionHint: 'Tell us in your own words. What happened, and when?',
  desiredOutcomeLabel: 'What would you like us to do?',
  desiredOutcomeHint: 'For example: an apology, a new appointment, or a repair.',
  filesNote: 'Do you have photos or letters? Mention them in your complaint and we will ask for them.',
  filesLabel: 'Photos or documents',
  filesHint: (megabytes: number) =>
    `You can send up to 5 files: photos (JPG, PNG or WebP) or PDF. Each file is at most ${megabytes} MB. We remove the place where a photo was taken.`,
  filesChooseAgain:
    'Did you choose files? Please choose them again. We only keep them when you send the form.',
  fileErrors: {
    too_many: (name: string) =>
      `You cannot send more than 5 files. ${name} and the files after it were not sent.`,
    too_large: (name: string) => `${name} is too large. Please choose a smaller file.`,
    total_too_large: (name: string) =>
      `The files are too large together (at most ${PORTAL_MAX_TOTAL_BYTES / (1024 * 1024)} MB). ${name} no longer fits.`,
    wrong_type: (name: string) =>
      `${name} is not a photo or a PDF. Please choose a photo (JPG, PNG or WebP) or a PDF.`,
    empty: (name: string) => `${name} is empty. Please choose another file.`,
    unreadable: (name: string) => `We cannot read ${name}. Please choose another file.`,
  },
  honeypotLabel: 'Leave this field empty',
  submit: 'Send complaint',
  privacyNote:
    'We only use your details to handle your complaint. Only the staff working on your complaint can see them.',

  errors: {
    topic: 'Choose what it is about',
    onBehalf: 'Choose whether you are complaining for yourself or for someone else',
    relation: 'Choose your situation',
    name: 'Enter your name',
    nameTooLong: 'Your name must be 200 characters or fewer',
    complainantName: 'Enter the name of the person you are complaining for',
    representativeRelation: 'Enter how you are related to this person',
    consent: 'Tick the box to confirm this person agrees that you make the complaint',
    contact: 'Enter an e-mail address or a phone number',
    email: 'Enter a valid e-mail address, for example name@example.com',
    phone: 'Enter a valid phone number, for example 06 12345678',
    preferred: 'Choose how you would like us to contact you',
    preferredEmailMissing: 'You chose e-mail: please also enter your e-mail address',
    preferredPhoneMissing: 'You chose phone: please also enter your phone number',
    preferredLetterMissing: 'You chose a letter: please also enter your postcode and house number',
    postcode: 'Enter a valid postcode, for example 3155 AB',
    houseNumber: 'Enter a house number using digits only, for example 12',
    houseNumberMissing: 'Also enter your house number',
    postcodeMissing: 'Also enter your postcode',
    addition: 'The addition must be 10 characters or fewer',
    description: 'Tell us what went wrong',
    descriptionTooLong: 'Your complaint must be 20,000 characters or fewer',
    desiredOutcomeTooLong: 'This answer must be 5,000 characters or fewer',
    message: 'Write your message',
    messageTooLong: 'Your message must be 5,000 characters or fewer',
    handling: 'Choose a score for the handling',
    outcome: 'Choose a score for the solution',
    commentTooLong: 'Your comment must be 2,000 characters or fewer',
  },
  formExpired: 'The form had expired. Please check your details and send it again.',
  formTooFast: 'The form was sent very quickly. Please check your details and send it again.',
  alreadySent: (reference: string) =>
    `Your complaint has already been sent (reference ${reference}). Do you want to make another complaint? Check your details and send the form again.`,

  thanksTitle: 'Thank you, we have received your complaint',
  referenceLabel: 'Your reference',
  thanksDue: (date: string) => `You will hear from us by ${date} at the latest.`,
  thanksNext: 'A member of staff will contact you, usually by phone first. Together we look for a solution.',
  thanksEmail: 'You will also get a confirmation by e-mail.',
  statusLinkTitle: 'Your personal link',
  statusLinkText:
    'With this link you can see how your complaint is going, and send us a message. Keep it safe and do not share it.',
  statusLinkOpen: 'View your complaint',

  statusTitle: 'Your complaint',
  mergedNotice: (from: string, into: string) =>
    `Your complaint ${from} was about the same thing as complaint ${into}. We merged them: below you see where complaint ${into} stands.`,
  statusLabel: 'Where things stand',
  statuses: {
    new: 'We have received your complaint',
    in_progress: 'We are working on your complaint',
    answered: 'We have answered your complaint',
    with_committee: 'Your complaint is with the regional complaints committee',
    closed: 'Your complaint has been completed',
    referred: 'Your report has been passed on to the right department',
    declined_outside_procedure: 'Your report falls outside the complaints procedure',
    withdrawn: 'Your complaint has been withdrawn',
    with_board: 'The board is looking at your complaint',
    merged: 'Your complaint has been merged with another complaint of yours',
  },
  receivedOn: (date: string) => `Received on ${date}`,
  dueOn: (date: string) => `You will hear from us by ${date} at the latest.`,
  messagesTitle: 'Messages',
  noMessages: 'There are no messages yet.',
  messageFrom: { us: 'From us', you: 'From you' },
  eventTitles: {
    answer_sent: 'Our answer to your complaint',
    explanation_sent: 'About your report',
    extension_notice_sent: 'We need more time',
    referral_recorded: 'Your report has been passed on',
    complainant_message: 'Your message',
  },
  extendedTo: (date: string) => `New date: ${date}.`,
  referrals: {
    repair: 'Your report has been passed on as a repair request.',
    nuisance: 'Your report has been passed on as a nuisance report.',
    fraud: 'Your report has been passed on as a housing fraud report.',
    other: 'Your report has been passed on to the right department.',
  },
  yourComplaintTitle: 'What you wrote to us',
  addInfoTitle: 'Add something',
  addInfoHint: 'Anything else you want to tell us? Write it here. The member of staff will read it.',
  addInfoLabel: 'Your message',
  addInfoSubmit: 'Send message',
  addInfoSent: 'Thank you. Your message has been added to your complaint.',
  filesNotYet: 'Do you have photos or letters? Mention them in your message and we will ask for them.',

  satisfactionTitle: 'What do you think?',
  satisfactionIntro:
    'We would like to know what you think of how we handled your complaint. Give a score from 1 to 5.',
  handlingLegend: 'How did we handle your complaint?',
  outcomeLegend: 'How happy are you with the solution?',
  scale: {
    1: '1 – very unhappy',
    2: '2 – unhappy',
    3: '3 – neutral',
    4: '4 – happy',
    5: '5 – very happy',
  },
  commentLabel: 'Anything you want to add?',
  satisfactionSubmit: 'Send',
  satisfactionThanks: 'Thank you for your opinion.',
  satisfactionGiven: (handling: number, outcome: number) =>
    `You gave the handling a ${handling} and the solution a ${outcome}.`,
  notSatisfiedTitle: 'Not satisfied? This is what you can do',
  notSatisfiedFollowUp: 'A manager will look at your complaint and contact you.',
  notSatisfiedRepeat: (reference: string) =>
    `Do you have new facts or evidence? Then make a new complaint and mention your reference ${reference}. We will look at your complaint again.`,
  notSatisfiedRepeatLink: 'Make a new complaint',
  notSatisfiedCommittee: (name: string) =>
    `You can also go to the ${name}. This committee is independent. It checks whether we handled your complaint properly.`,
  committeeDefaultName: 'regional complaints committee',
  committeeContactLabel: 'How to reach the committee:',
  committeeWebsite: 'Website of the committee',

  // Issue 21: the case code from a letter, typed on /complaint/status
  codeTitle: 'Follow your complaint with a code',
  codeIntro:
    'Did you get a letter from us about your complaint? It has a code and your reference. Fill them in below to see how your complaint is going.',
  codeLabel: 'Code from the letter',
  codeHint: 'For example 7KQM-3XHD-P9AV. Capitals and dashes do not matter.',
  codeReferenceLabel: 'Reference from the letter',
  codeReferenceHint: 'For example K-2026-00042.',
  codeSubmit: 'Show my complaint',
  codeMissing: 'Fill in the code from the letter',
  codeReferenceMissing: 'Fill in the reference from the letter',
  codeNotFound:
    'This code and this reference do not belong together, or the code no longer works. Please check that you copied them correctly. Still not working? Call us and mention your reference.',
  codeEmailNote: 'Did you get an e-mail from us? Then use the link in that e-mail.',

  invalidLinkTitle: 'This link does not work',
  invalidLinkText: [
    'This link is not valid (any more). Perhaps a character went missing when it was copied. Or your complaint was completed some time ago.',
    'Please contact us if you have questions about your complaint, and mention your reference.',
  ],
  newComplaintLink: 'Make a new complaint',

  rejectedTitle: 'This form could not be sent',
  rejectedText: 'Something went wrong with the form. Please open the form again and try once more.',
  rateLimitedTitle: 'Please wait',
  rateLimitedText:
    'Many forms have been sent from your internet connection. Please try again in an hour, or call us.',
  notFoundTitle: 'This page does not exist',
  notFoundText: 'Perhaps the address was mistyped. The home page shows you the way.',
  frontDoorLink: 'Go to the home page',

  // The front door (issue 21): the first page a tenant finds.
  frontDoorTitle: 'Complaints',
  frontDoorIntro: [
    'Are you unhappy with us, or with a company that works for us? Tell us. It helps us do better.',
    'We respond within 5 working days. And we always let you know how your complaint is going.',
  ],
  frontDoorSubmit: 'Make a complaint',
  frontDoorSubmitHint: 'Fill in the form. It takes about 5 minutes.',
  frontDoorFollow: 'Follow my complaint',
  frontDoorFollowHint: 'Already made a complaint? Use the link in our e-mail or the code in our letter.',
  frontDoorContactTitle: 'Contact',
  frontDoorContactIntro:
    'Prefer to talk to someone? You can. You can also make your complaint by phone, by letter or at our desk.',
  frontDoorPhone: 'Phone',
  frontDoorEmail: 'E-mail',
  frontDoorHours: 'Available',
  frontDoorWebsite: 'Website',
  staffSignIn: 'Staff sign-in',

  // Meta descriptions: what a search engine shows under the page title.
  descriptions: {
    frontDoor: (name: string) =>
      `Unhappy with ${name}? Make a complaint here or follow how your complaint is going.`,
    form: (name: string) => `Make a complaint to ${name}. You will hear from us within 5 working days.`,
    code: (name: string) => `Follow your complaint to ${name} with the code from our letter.`,
    other: (name: string) => `The complaints page of ${name}.`,
  },
  busyTitle: 'One moment, please',
  busyText:
    'It is very busy right now. Please try again in a few seconds. Had you already sent the form? Feel free to send it again: your complaint reaches us only once.',
  errorTitle: 'Something went wrong',
  errorText: 'Something went wrong on our side. Please try again later, or call us.',

  email: {
    subject: (reference: string) => `We have received your complaint (${reference})`,
    greeting: (name: string) => `Dear ${name},`,
    received: 'Thank you for your complaint. We have received it.',
    reference: (reference: string) => `Your reference is: ${reference}`,
    due: (date: string) => `You will hear from us by ${date} at the latest. Usually we call you first.`,
    link: 'With this personal link you can see how your complaint is going. Do not share it:',
    closing: 'Kind regards,',
  },
};
