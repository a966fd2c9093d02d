import type { ComplainantTemplates } from './default-templates.ts';

// Issue 21: the mails and letters to a complainant in Polish (B1: short sentences, everyday words). Letters
// address the reader as "Ty", like the portal. Same placeholders as the Dutch text; checked
// by test/messages/template-catalogues.test.ts.

const lines = (...parts: string[]) => parts.join('\n\n');

const GREETING = 'Dzień dobry {{recipientName}},';
const CLOSING = 'Z poważaniem\n\n{{handlerName}}\n{{organizationName}}';
const SIGNED = 'Z poważaniem\n\n{{organizationName}}';
const REACH_COMMITTEE = 'Tak skontaktujesz się z komisją:\n{{committeeContact}}';
const ROUTES = lines(
  'Nie zgadzasz się z tą odpowiedzią? Możesz wtedy w ciągu sześciu tygodni przedstawić swoją skargę: ' +
    '{{committeeName}}.',
  REACH_COMMITTEE,
  'Twoja skarga dotyczy wysokości czynszu, kosztów usług albo usterek w utrzymaniu? Możesz też zwrócić się do ' +
    'komisji czynszowej (Huurcommissie, www.huurcommissie.nl).',
);
const RATE =
  'Pod adresem {{statusLink}} przeczytasz tę odpowiedź jeszcze raz. Tam możesz też napisać, co myślisz o tym, jak zajęliśmy się skargą.';

export const PL: ComplainantTemplates = {
  acknowledgement: {
    subject: 'Otrzymaliśmy Twoją skargę ({{reference}})',
    body: lines(
      GREETING,
      'Otrzymaliśmy Twoją skargę {{receivedDate}}. Dziękujemy, że nam o tym napisałeś.',
      'Twoja skarga ma numer sprawy {{reference}}. Podaj ten numer, kiedy się z nami kontaktujesz. ' +
        'Możesz też po prostu odpowiedzieć na tę wiadomość.',
      'Twoją skargą zajmuje się {{handlerName}}. Odpowiemy najpóźniej {{dueDate}}. ' +
        'Co dzieje się z Twoją skargą, sprawdzisz pod adresem {{statusLink}}.',
      CLOSING,
    ),
  },
  answer: {
    subject: 'Odpowiedź na Twoją skargę ({{reference}})',
    body: lines(GREETING, '{{answerText}}', RATE, ROUTES, CLOSING),
  },
  acknowledgement_without_answer: {
    subject: 'Otrzymaliśmy Twoją wiadomość ({{reference}})',
    body: lines(
      GREETING,
      'Otrzymaliśmy Twoją wiadomość {{receivedDate}}. Zapisaliśmy ją pod numerem sprawy {{reference}}.',
      'W tej sprawie daliśmy Ci już wcześniej naszą ostatnią odpowiedź. Twoja wiadomość nie zawiera nowych faktów. ' +
        'Dlatego nasza ostatnia odpowiedź nadal obowiązuje i nie dostaniesz od nas nowej odpowiedzi.',
      'Nie zgadzasz się z naszą ostatnią odpowiedzią? Możesz wtedy przedstawić swoją skargę: {{committeeName}}.',
      REACH_COMMITTEE,
      'Masz nowe fakty? Odpowiedz wtedy na tę wiadomość. Stan sprawy zobaczysz pod adresem {{statusLink}}.',
      SIGNED,
    ),
  },
  explanation: {
    subject: 'Twoja skarga nie podlega procedurze skargowej ({{reference}})',
    body: lines(
      GREETING,
      'Sprawdziliśmy Twoje zgłoszenie o numerze {{reference}}. Nie możemy rozpatrzyć go jako skargi.',
      '{{explanationText}}',
      'Masz pytania o tę decyzję? Odpowiedz wtedy na tę wiadomość.',
      CLOSING,
    ),
  },
  referral: {
    subject: 'Twoim zgłoszeniem zajmie się inny dział ({{reference}})',
    body: lines(
      GREETING,
      'Dziękujemy za zgłoszenie o numerze {{reference}}. To nie jest skarga, tylko zgłoszenie, które należy do ' +
        '"{{referralTarget}}". Przekazaliśmy tam Twoje zgłoszenie.',
      '{{referralDetail}}',
      SIGNED,
    ),
  },
  stand_by_decision: {
    subject: 'Odpowiedź na Twoją skargę: podtrzymujemy naszą decyzję ({{reference}})',
    body: lines(
      GREETING,
      'Znowu napisałeś do nas w tej sprawie. Rozumiemy, że nie zgadzasz się z naszą decyzją. ' +
        'Ponieważ nie ma nowych faktów, podtrzymujemy naszą wcześniejszą decyzję.',
      '{{answerText}}',
      RATE,
      ROUTES,
      CLOSING,
    ),
  },
  last_response: {
    subject: 'Nasza ostatnia odpowiedź w tej sprawie ({{reference}})',
    body: lines(
      GREETING,
      '{{answerText}}',
      'To ostatni raz, kiedy odpowiadamy w tej sprawie. Nowe wiadomości na ten temat bez nowych faktów zapiszemy, ' +
        'ale nie będziemy już na nie odpowiadać.',
      RATE,
      ROUTES,
      CLOSING,
    ),
  },
  extension_notice: {
    subject: 'Potrzebujemy więcej czasu na Twoją skargę ({{reference}})',
    body: lines(
      GREETING,
      'Potrzebujemy więcej czasu, żeby dobrze rozpatrzyć Twoją skargę o numerze {{reference}}.',
      '{{extensionText}}',
      'Odpowiemy najpóźniej {{dueDate}}.',
      SIGNED,
    ),
  },
  committee_information: {
    subject: 'Regionalna komisja skarg ({{reference}})',
    body: lines(
      GREETING,
      'Napisałeś nam, że nie jesteś zadowolony z naszej odpowiedzi na skargę {{reference}}. Możesz przedstawić ' +
        'swoją skargę: {{committeeName}}. Komisja jest niezależna i doradza naszemu zarządowi.',
      REACH_COMMITTEE,
      'Twoja skarga dotyczy wysokości czynszu, kosztów usług albo usterek w utrzymaniu? Możesz też zwrócić się do ' +
        'komisji czynszowej (Huurcommissie, www.huurcommissie.nl).',
      SIGNED,
    ),
  },
  satisfaction_request: {
    subject: 'Jak zajęliśmy się Twoją skargą? ({{reference}})',
    body: lines(
      GREETING,
      'Zakończyliśmy sprawę Twojej skargi {{reference}}. Chcemy wiedzieć, jak to oceniasz. ' +
        'Zajmie to dwie minuty: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_in_handling: {
    subject: 'Zajmujemy się Twoją skargą {{reference}}',
    body: lines(
      GREETING,
      'Twoją skargą {{reference}} zajmuje się {{handlerName}}. Odezwiemy się najpóźniej {{dueDate}}. ' +
        'Zwykle dzwonimy w tej sprawie.',
      'Stan sprawy zobaczysz też tutaj: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_closed: {
    subject: 'Twoja skarga {{reference}} została zamknięta',
    body: lines(
      GREETING,
      'Zamknęliśmy Twoją skargę {{reference}}. Dziękujemy, że nam o tym napisałeś.',
      'Jak zajęliśmy się skargą, przeczytasz jeszcze pod adresem {{statusLink}}',
      SIGNED,
    ),
  },
  progress_committee: {
    subject: 'Twoja skarga {{reference}} jest w komisji skarg',
    body: lines(
      GREETING,
      'Przedstawiłeś swoją skargę {{reference}} komisji skarg. Zapisaliśmy to.',
      'Komisja sama się z Tobą skontaktuje. Zrobimy to, o co poprosi komisja.',
      'Stan sprawy zobaczysz tutaj: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_withdrawn: {
    subject: 'Twoja skarga {{reference}} została wycofana',
    body: lines(
      GREETING,
      'Twoja skarga {{reference}} została wycofana. Dlatego nie zajmujemy się już tą skargą.',
      'To się nie zgadza? Odpowiedz wtedy na tę wiadomość albo zadzwoń do nas.',
      SIGNED,
    ),
  },
  progress_reopened: {
    subject: 'Ponownie zajmujemy się Twoją skargą {{reference}}',
    body: lines(
      GREETING,
      'Ponownie zajmujemy się Twoją skargą {{reference}}. Napiszemy Ci, co zamierzamy zrobić.',
      'Stan sprawy zobaczysz tutaj: {{statusLink}}',
      SIGNED,
    ),
  },
};
