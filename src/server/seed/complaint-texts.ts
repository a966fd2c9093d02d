import {
  type ComplaintCategory,
  type NotAComplaintKind,
  OUTSIDE_PROCEDURE_GROUNDS,
  type OutsideProcedureGround,
} from '../../domain/index.ts';
import type { Random } from './random.ts';

// Plausible Dutch complaint texts, contact notes and answers. Templates take {slots} filled by the PRNG, so
// descriptions vary enough for full-text search to have something to find (and to miss).

const SLOTS: Record<string, readonly string[]> = {
  room: ['badkamer', 'keuken', 'slaapkamer', 'woonkamer', 'berging', 'hal', 'kinderkamer', 'wc'],
  duration: ['twee weken', 'drie weken', 'een maand', 'zes weken', 'een paar dagen', 'twee maanden'],
  // With their article: "de kraan", "het dakraam".
  item: [
    'de kraan',
    'de toiletspoelbak',
    'de dakgoot',
    'de deurbel',
    'het voordeurslot',
    'de mechanische ventilatie',
    'de afzuigkap',
    'de rookmelder',
    'de badkamertegels',
    'de dakpannen',
    'de cv-ketel',
    'de radiatorkraan',
    'de achterdeur',
    'het dakraam',
  ],
  problem: [
    'het probleem is na een week weer terug',
    'er is nu ook waterschade aan het plafond',
    'het maakt nog steeds een hard geluid',
    'er is niets aan gedaan en de rommel is blijven liggen',
    'het sluit nog steeds niet goed',
    'de monteur heeft het verkeerde onderdeel geplaatst',
  ],
  topic: [
    'woningruil',
    'een aanpassing van de badkamer via de Wmo',
    'een parkeerplaats',
    'een dakkapel',
    'een zonnescherm',
    'het plaatsen van een schutting',
    'de huuropzegging',
    'de eindinspectie',
    'het onderhoud van de tuin',
    'de isolatie van de woning',
    'zonnepanelen op het dak',
  ],
  request: [
    'een wisselwoning tijdens de renovatie',
    'een tweede sleutel van de berging',
    'het ophangen van een zonnescherm',
    'het vervangen van de keuken',
    'een aanpassing voor mijn rolstoel',
    'het verwijderen van asbest in de schuur',
  ],
  person: ['de monteur', 'de opzichter', 'de woonconsulent', 'de medewerker aan de telefoon', 'de schilder'],
  conduct: [
    'was onvriendelijk en hing op toen ik doorvroeg',
    'kwam zonder afspraak binnen en liet modder achter in de hal',
    'nam mij niet serieus en zei dat ik moest ophouden met bellen',
    'heeft afspraken niet nagekomen en reageert niet meer op mijn berichten',
    'maakte een vervelende opmerking over mijn achtergrond',
    'rookte in mijn woning terwijl ik had gevraagd dat niet te doen',
  ],
  extra: [
    'Ik heb al twee keer gebeld maar er gebeurt niets.',
    'Mijn kinderen slapen in die kamer en ik maak me zorgen over hun gezondheid.',
    'Ik ben slecht ter been en kan zelf niets doen.',
    'De buren hebben er ook last van.',
    'Ik heb foto’s gemaakt en kan die opsturen.',
    '',
  ],
};

const DESCRIPTIONS: Record<ComplaintCategory, readonly string[]> = {
  repair_badly_done: [
    'De lekkage in de {room} is {duration} geleden gerepareerd door {contractor}, maar het lekt nu weer. {extra}',
    'Na de vervanging van {item} door {contractor} werkt het nog steeds niet goed: {problem}. {extra}',
    'Er zit schimmel op de muren in de {room}. De schilder heeft er alleen overheen geschilderd en na {duration} is het er weer. {extra}',
    'Bij het vervangen van de kozijnen is de vensterbank in de {room} beschadigd en niemand heeft het hersteld. {extra}',
    'De verwarming doet het sinds de reparatie van {duration} geleden niet goed; het wordt niet warmer dan 16 graden. {extra}',
    'De monteur van {contractor} heeft {item} gerepareerd, maar {problem}. {extra}',
  ],
  no_or_late_answer: [
    'Ik heb {duration} geleden een e-mail gestuurd over {topic} en nog steeds geen antwoord gekregen. {extra}',
    'Al drie keer gebeld over {topic}; elke keer wordt beloofd dat ik word teruggebeld, maar dat gebeurt niet. {extra}',
    'Mijn aanvraag voor {topic} ligt al {duration} bij jullie en ik hoor niets. {extra}',
    'Ik wacht al {duration} op een reactie op mijn brief over {topic}. {extra}',
  ],
  request_wrongly_handled: [
    'Mijn verzoek om {request} is afgewezen, maar de reden die genoemd wordt klopt niet. {extra}',
    'Mijn reparatieverzoek voor {item} is afgesloten terwijl er nooit iemand is geweest. {extra}',
    'Bij de eindinspectie zijn kosten in rekening gebracht voor {item}, terwijl die schade er al was toen ik de woning kreeg. {extra}',
    'Mijn melding over {item} is doorgestuurd naar de verkeerde afdeling en nu moet ik weer opnieuw beginnen. {extra}',
  ],
  treated_wrongly: [
    '{Person} {conduct}. {extra}',
    'Ik voel me niet serieus genomen: {person} {conduct}. {extra}',
    'Ik wil een klacht indienen over {person} van {contractor}; die {conduct}. {extra}',
  ],
};

const DESIRED_OUTCOMES = [
  'Dat het nu echt goed gerepareerd wordt.',
  'Een vergoeding voor de schade.',
  'Excuses en een duidelijke afspraak wanneer het opgelost is.',
  'Dat iemand contact met mij opneemt.',
  'Een andere monteur.',
  'Dat de kosten worden teruggedraaid.',
] as const;

const SIGNALS: Record<NotAComplaintKind, readonly string[]> = {
  repair_request: [
    '{Item} in de {room} is kapot, kan er iemand langskomen?',
    'Sinds gisteren lekt {item}. Graag een monteur.',
  ],
  nuisance_report: [
    'De buren draaien elke nacht harde muziek en ik kan niet slapen.',
    'Er staat al weken vuilnis naast de container bij de flat.',
  ],
  housing_fraud_report: ['In de woning naast mij woont volgens mij al maanden niet de huurder zelf.'],
  question: [
    'Wanneer worden de dakgoten in onze straat vervangen?',
    'Hoe kan ik mij inschrijven voor {topic}?',
  ],
  other: ['Ik wil graag weten wie mijn contactpersoon is voor {topic}.'],
};

const OUTSIDE_TEXTS: Partial<Record<OutsideProcedureGround, { text: string; detail: string | null }>> = {
  rent_or_service_costs: {
    text: 'Ik ben het niet eens met de huurverhoging van dit jaar en de servicekosten zijn veel te hoog.',
    detail: null,
  },
  insurer_claim: {
    text: 'Door de lekkage in de {room} is mijn laminaat beschadigd. Ik wil dat jullie de schade vergoeden.',
    detail: 'Schadeclaim ligt bij de opstalverzekeraar',
  },
  pending_at_dispute_body: {
    text: 'Mijn zaak over het achterstallig onderhoud ligt bij de huurcommissie, maar ik wil ook hier klagen.',
    detail: 'Huurcommissie',
  },
  government_decision: {
    text: 'De gemeente laat de bomen voor mijn woning kappen en jullie doen daar niets aan.',
    detail: 'Omgevingsvergunning van de gemeente',
  },
};

const CONTACT_SUMMARIES = [
  'Klager gebeld; zij geeft aan dat het probleem nog steeds speelt. Afgesproken dat {contractor} binnen een week terugkomt.',
  'Meneer teruggebeld, niet bereikbaar; voicemail ingesproken en gevraagd terug te bellen.',
  'Telefonisch besproken wat er mis is gegaan. Klager waardeert het telefoontje.',
  'Huisbezoek afgelegd met de opzichter; de schade in de {room} bekeken en foto’s gemaakt.',
  'Klager belde zelf terug; nieuwe afspraak gepland voor herstel.',
  'Mevrouw gebeld over de voorgestelde oplossing; zij kan zich daarin vinden.',
] as const;

// What complainants write through the status portal while they wait, and after the answer.
const WAITING_MESSAGES = [
  'Is er al nieuws over mijn klacht? Ik heb nog niets gehoord.',
  'Ik heb vandaag nog geen monteur gezien, terwijl dat wel was afgesproken.',
  'Hierbij nog een foto van de {room}; het wordt steeds erger.',
  'Kunt u mij bellen na 17.00 uur? Overdag ben ik aan het werk.',
  'De afspraak van volgende week komt mij niet uit. Kan het een andere dag?',
  'Mijn buurvrouw heeft hetzelfde probleem met {item}.',
] as const;
const REACTIONS = [
  'Bedankt voor uw antwoord. Ik hoop dat het nu echt goed komt.',
  'Dank voor de uitleg, ik wacht de reparatie af.',
  'Ik ben het niet eens met uw antwoord en overweeg naar de klachtencommissie te gaan.',
  'Fijn dat er eindelijk iets gebeurt.',
] as const;
const REPLY_SUMMARIES = [
  'Klager per e-mail geantwoord en laten weten wanneer {contractor} langskomt.',
  'Klager teruggebeld naar aanleiding van het bericht in het klantportaal.',
  'Per e-mail bevestigd dat de foto’s zijn ontvangen en bij het dossier gevoegd.',
  'Nieuwe afspraak met klager gemaakt; bevestiging per e-mail gestuurd.',
] as const;

const ANSWERS = {
  upheld:
    'Geachte heer/mevrouw {surname},\n\nNaar aanleiding van uw klacht hebben wij de zaak onderzocht. U heeft gelijk: het is niet gegaan zoals het hoort. Wij bieden u onze excuses aan. {remedy}\n\nMet vriendelijke groet,\n{handler}',
  partly_upheld:
    'Geachte heer/mevrouw {surname},\n\nDank voor uw klacht. Op een deel van de punten heeft u gelijk en daarvoor bieden wij onze excuses aan. {remedy} Op de andere punten blijven wij bij ons standpunt; dat hebben wij telefonisch toegelicht.\n\nMet vriendelijke groet,\n{handler}',
  not_upheld:
    'Geachte heer/mevrouw {surname},\n\nWij hebben uw klacht zorgvuldig bekeken en met collega’s besproken. Wij begrijpen uw onvrede, maar wij hebben volgens ons beleid gehandeld. Dat hebben wij telefonisch met u besproken.\n\nMet vriendelijke groet,\n{handler}',
} as const;

const REMEDIES = [
  'De reparatie wordt binnen twee weken opnieuw uitgevoerd.',
  'Wij hebben met de aannemer afgesproken dat dit niet meer gebeurt.',
  'Uw melding is opnieuw in behandeling genomen.',
  'De in rekening gebrachte kosten worden gecrediteerd.',
] as const;

const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Fills {slot}s from the lists above; {Slot} with a capital gives the value capitalised (sentence start). */
export function fill(random: Random, template: string, values: Record<string, string> = {}): string {
  return template
    .replace(/\{(\w+)\}/g, (_, slot: string) => {
      const key = slot.toLowerCase();
      const value = values[key] ?? random.pick(SLOTS[key] ?? ['']);
      return slot === key ? value : capitalize(value);
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keeps the line breaks of a letter while filling its slots. */
function fillLetter(random: Random, template: string, values: Record<string, string>): string {
  return template.replace(
    /\{(\w+)\}/g,
    (_, slot: string) => values[slot] ?? random.pick(SLOTS[slot] ?? ['']),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
/** A template as a pattern: a {slot} is one of its values (any text for {contractor}), spaces are optional. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/(\{\w+\})/).map((part) => {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    if (slot === undefined) return escapeRegExp(part.trim()).replace(/\s+/g, '\\s*');
    const values = SLOTS[slot.toLowerCase()];
    return values === undefined ? '.*?' : `(?:${values.map(escapeRegExp).join('|')})`;
  });
  return new RegExp(`^${parts.join('\\s*')}$`, 'i');
}
const TEMPLATE_PATTERNS = [
  ...Object.entries(DESCRIPTIONS).flatMap(([category, templates]) =>
    templates.map((template, i) => ({ label: `${category}#${i}`, template })),
  ),
  ...Object.entries(OUTSIDE_TEXTS).map(([ground, t]) => ({ label: `outside:${ground}`, template: t.text })),
  ...Object.entries(SIGNALS).flatMap(([kind, templates]) =>
    templates.map((template, i) => ({ label: `signal:${kind}#${i}`, template })),
  ),
].map(({ label, template }) => ({ label, pattern: templatePattern(template) }));

/**
 * Which description template a generated complaint text came from ("repair_badly_done#2"), or null: the planted
 * themes the theme finder should find again (issue 26, docs/themes.md). Reads the text only; generates nothing.
 */
export function descriptionTemplateOf(text: string): string | null {
  return TEMPLATE_PATTERNS.find((t) => t.pattern.test(text))?.label ?? null;
}

export const describeComplaint = (random: Random, category: ComplaintCategory, contractor: string) =>
  fill(random, random.pick(DESCRIPTIONS[category]), { contractor });

export const describeSignal = (random: Random, kind: NotAComplaintKind) =>
  fill(random, random.pick(SIGNALS[kind]));

export const OUTSIDE_PROCEDURE_SAMPLES = OUTSIDE_TEXTS;

export const describeOutside = (random: Random, ground: OutsideProcedureGround) =>
  fill(random, OUTSIDE_TEXTS[ground]?.text ?? OUTSIDE_PROCEDURE_GROUNDS[ground].label);

export const pickDesiredOutcome = (random: Random) => random.pick(DESIRED_OUTCOMES);

export const summarizeContact = (random: Random, contractor: string) =>
  fill(random, random.pick(CONTACT_SUMMARIES), { contractor });

export const complainantWrites = (random: Random) => fill(random, random.pick(WAITING_MESSAGES));

export const complainantReacts = (random: Random) => random.pick(REACTIONS);

export const summarizeReply = (random: Random, contractor: string) =>
  fill(random, random.pick(REPLY_SUMMARIES), { contractor });

export function writeAnswer(
  random: Random,
  verdict: keyof typeof ANSWERS,
  values: { surname: string; handler: string },
): string {
  return fillLetter(random, ANSWERS[verdict], { ...values, remedy: random.pick(REMEDIES) });
}
