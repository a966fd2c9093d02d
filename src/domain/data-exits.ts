// Every way complaint data leaves Gehoord (issue 20), with the rule that decides what a reader gets and whether
// the read is in the access log. docs/permissions.md and docs/privacy.md show this list as a table, generated
// by `npm run docs:permissions` (checked by test/domain/permissions-doc.test.ts); an integration test checks
// that every route named here exists.

type Text = Readonly<{ nl: string; en: string }>;

export type DataExit = Readonly<{
  id: string;
  name: Text;
  /** The operations, as in the OpenAPI document (`GET /api/complaints/{id}`). */
  routes: readonly string[];
  /** The domain function(s) that decide. */
  rule: string;
  /** What a reader gets of a complaint they may not see (whole), on this exit. */
  hidden: Text;
  /** `what` (and `detail.kind`) of the access-log entry per complaint shown, or `null` when not logged. */
  accessLog: string | null;
}>;

export const DATA_EXITS: readonly DataExit[] = [
  {
    id: 'detail',
    name: { nl: 'Klacht openen', en: 'Complaint detail' },
    routes: ['GET /api/complaints/{id}'],
    rule: '`canSeeComplaint` / `decideTokenAction`',
    hidden: {
      nl: '404, als een onbekend nummer',
      en: '404, as an unknown id',
    },
    accessLog: '`detail`',
  },
  {
    id: 'lists',
    name: { nl: 'Lijsten, zoeken, tellingen', en: 'Lists, search, counts' },
    routes: [
      'GET /api/complaints',
      'GET /api/complaints/counts',
      'GET /api/complaints/likely-repeats',
      'GET /api/persons/{id}/complaints',
      'GET /api/units/{id}/complaints',
      'GET /api/housing-complexes/{id}/complaints',
    ],
    rule: '`visible()` (SQL mirror of `canSeeComplaint`, tested against it)',
    hidden: { nl: 'niet in de lijst en niet geteld', en: 'not listed, not counted' },
    accessLog: '`person_complaints` (a person’s list); other lists: no',
  },
  {
    id: 'timeline',
    name: { nl: 'Tijdlijn van een klacht', en: 'A complaint’s timeline' },
    routes: ['GET /api/complaints/{id}'],
    rule: '`timelineFor`',
    hidden: {
      nl: 'het spoor van de directie (melding, besluit, reden strafbaar feit) alleen voor wie een directiezaak mag zien, ook na opheffen; geen verwijzing naar een andere klacht die de lezer niet mag zien; een koppeling krijgt geen e-mailadressen',
      en: 'the board’s track (flag, mail, decision, a criminal-suspicion reason) only for who may see a board-track complaint, also after the flag is lifted; no reference to another complaint the reader may not see; an integration gets no e-mail addresses',
    },
    accessLog: 'with the detail (`detail`)',
  },
  {
    id: 'links',
    name: {
      nl: 'Verwijzingen: herhaalklacht, dossier, MT-punten, verbeteracties, bewaarplicht',
      en: 'References: repeat, matter, MT items, improvement actions, legal holds',
    },
    routes: [
      'POST /api/complaints',
      'GET /api/mt/policy-issues',
      'POST /api/mt/policy-issues',
      'GET /api/mt/quarters/{quarter}/agenda',
      'GET /api/mt/meetings/{id}',
      'GET /api/improvement-actions',
      'GET /api/improvement-actions/{id}',
      'POST /api/improvement-actions',
      'GET /api/privacy/complaints/{id}/legal-holds',
      'POST /api/privacy/complaints/{id}/legal-holds',
    ],
    rule: '`mayKnowOf` / `knownComplaintIds`, `timelineFor`',
    hidden: {
      nl: 'een nieuwe verwijzing: dezelfde fout als een onbekend nummer; in lijsten van MT-punten en verbeteracties niet genoemd; in de klacht zelf staan `repeat.earlierComplaintId` en `matterId` leeg',
      en: 'a new reference: the same error as an unknown id; not listed with MT items and improvement actions; on the complaint itself `repeat.earlierComplaintId` and `matterId` are null',
    },
    accessLog: null,
  },
  {
    id: 'drill_down',
    name: { nl: 'Drill-down van een rapportage', en: 'Report drill-down' },
    routes: ['GET /api/reports/complaints'],
    rule: '`complaintExposure` (`counted`)',
    hidden: {
      nl: 'geteld in `total` en `withheld`, nooit getoond',
      en: 'counted in `total` and `withheld`, never listed',
    },
    accessLog: '`export`, `drill_down`, one per row',
  },
  {
    id: 'report_exports',
    name: {
      nl: 'Rapportages en hun export (PDF, Excel, CSV)',
      en: 'Reports and their exports (PDF, Excel, CSV)',
    },
    routes: [
      'GET /api/reports/quarterly',
      'GET /api/reports/annual',
      'GET /api/reports/quarterly/export',
      'GET /api/reports/annual/export',
      'POST /api/reports/jobs',
    ],
    rule: '`complaintExposure` (`counted`)',
    hidden: {
      nl: 'telt mee in de cijfers (beleid 3.2); een rapportage heeft geen rijen per klacht',
      en: 'counts in the figures (policy 3.2); a report has no row per complaint',
    },
    accessLog: null,
  },
  {
    id: 'complex_dossier',
    name: { nl: 'Complexdossier (ZIP met klachtdossiers)', en: 'Complex dossier (ZIP of case files)' },
    routes: ['POST /api/reports/jobs', 'GET /api/reports/jobs/{id}/download'],
    rule: '`mayShowComplaint`, `timelineFor`',
    hidden: {
      nl: 'geen map, geen klachtdossier, geen bijlagen; alleen geteld in `LEESMIJ.txt`',
      en: 'no folder, case file or attachments; only counted in `LEESMIJ.txt`',
    },
    accessLog: '`export`, `complex_dossier`, one per case file',
  },
  {
    id: 'committee_dossier',
    name: {
      nl: 'Dossier voor de klachtencommissie (klachtdossier-PDF)',
      en: 'Committee dossier (case-file PDF)',
    },
    routes: ['GET /api/complaints/{id}/committee-dossier.zip'],
    rule: '`canSeeComplaint`, `timelineFor`',
    hidden: { nl: '404, als een onbekend nummer', en: '404, as an unknown id' },
    accessLog: '`export`, `committee_dossier`',
  },
  {
    id: 'letters',
    name: { nl: 'Antwoordbrief en uitlegbrief (PDF)', en: 'Answer and explanation letters (PDF)' },
    routes: ['GET /api/complaints/{id}/answer-letter.pdf', 'GET /api/complaints/{id}/explanation-letter.pdf'],
    rule: '`canSeeComplaint`',
    hidden: { nl: '404, als een onbekend nummer', en: '404, as an unknown id' },
    accessLog: '`attachment`',
  },
  {
    id: 'subject_access',
    name: { nl: 'Inzageverzoek (AVG art. 15)', en: 'Subject-access export (GDPR art. 15)' },
    routes: ['GET /api/privacy/persons/{id}/export'],
    rule: '`subjectAccessForm`, `timelineFor`',
    hidden: {
      nl: 'de klacht zit erin (het zijn de eigen gegevens van de persoon), beperkt: wat de persoon schreef, kreeg en stuurde; geen samenvattingen van medewerkers, afdeling, interne e-mails of het spoor van de directie',
      en: 'the complaint is in it (it is the person’s own data), minimised: what they wrote, received and sent; no staff summaries, department, internal mails or the board’s track',
    },
    accessLog: '`subject_access_export`, one per complaint and one for the person',
  },
  {
    id: 'answer_cc',
    name: { nl: 'Ontvangers en cc van e-mails', en: 'E-mail recipients and cc' },
    routes: ['POST /api/complaints/{id}/answer', 'POST /api/complaints/{id}/answer-preview'],
    rule: '`ccWhoMaySee`',
    hidden: {
      nl: 'een leidinggevende of assistent die de klacht niet mag zien krijgt geen cc (ook geen melding)',
      en: 'a manager or assistant who may not see the complaint gets no cc (nor a notice)',
    },
    accessLog: null,
  },
  {
    id: 'staff_notifications',
    name: { nl: 'Meldingen aan medewerkers (bel en e-mail)', en: 'Staff notifications (bell and e-mail)' },
    routes: ['GET /api/notifications', 'PUT /api/notification-preferences'],
    rule: '`canSeeComplaint` (`whoMaySee`), bij het maken / when made',
    hidden: {
      nl: 'geen melding en geen e-mail; een e-mail draagt alleen kenmerk en link, nooit de klachttekst',
      en: 'no notification and no e-mail; an e-mail carries only the reference and a link, never the complaint text',
    },
    accessLog: null,
  },
  {
    id: 'admin_outbox',
    name: { nl: 'Uitgaande post (beheer)', en: 'Admin outbox' },
    routes: ['GET /api/admin/outbox', 'GET /api/admin/outbox/{id}'],
    rule: '`mayShowComplaint`',
    hidden: {
      nl: 'afgeschermd (`redacted`): soort, status, pogingen en data; geen klacht, adressen, onderwerp of tekst',
      en: 'listed as `redacted`: kind, status, attempts and dates; no complaint, addresses, subject or text',
    },
    accessLog: '`export`, `outbox`, one per complaint',
  },
  {
    id: 'change_feed',
    name: { nl: 'Wijzigingenfeed voor koppelingen', en: 'Change feed for integrations' },
    routes: ['GET /api/integrations/feed'],
    rule: '`decideTokenAction` / `canSeeComplaint`, bij het lezen / at read time',
    hidden: {
      nl: 'weggelaten, ook gebeurtenissen van vóór het vertrouwelijk worden',
      en: 'left out, also events from before it became confidential',
    },
    accessLog: '`export`, `change_feed`, one per complaint in the page',
  },
  {
    id: 'webhooks',
    name: { nl: 'Webhooks', en: 'Webhooks' },
    routes: ['POST /api/admin/webhooks'],
    rule: '`decideTokenAction`, bij aflevering / at delivery time',
    hidden: {
      nl: 'niet afgeleverd, ook oudere gebeurtenissen niet',
      en: 'not delivered, older events neither',
    },
    accessLog: null,
  },
  {
    id: 'audit_logs',
    name: { nl: 'Inzagelog en webhook-afleverlog', en: 'Access log and webhook delivery log' },
    routes: [
      'GET /api/privacy/access-log',
      'GET /api/privacy/access-log/export',
      'GET /api/admin/webhooks/{id}/deliveries',
    ],
    rule: '`knownComplaintIds`',
    hidden: {
      nl: 'wie wanneer een klacht las blijft zichtbaar, zonder nummer of kenmerk; filteren op die klacht antwoordt als op een onbekend nummer',
      en: 'who read a complaint and when stays visible, without its id or reference; filtering on it answers as for an unknown id',
    },
    accessLog: null,
  },
];
