// Every operation of the OpenAPI document, classified for the leak matrix (issue 20). The matrix fails on an
// operation this table does not know ("classify this new endpoint") and on an entry the document no longer has.
// Keyed on METHOD + PATH (operationIds are not stable yet).

/** Where the value of a path parameter comes from; `complaint` ranges over the hidden, ordinary and unknown ids. */
export type IdSource =
  | 'complaint'
  | 'attachmentOfComplaint'
  | 'mailOfComplaint'
  | 'person'
  | 'unit'
  | 'complex'
  | 'contractor'
  | 'staffUser'
  | 'representative'
  | 'meeting'
  | 'improvementAction'
  | 'reportJob'
  | 'webhook'
  | 'outboxMessage'
  | 'quarter'
  | 'year'
  | 'statusToken'
  | 'portalFile';

/** Query strings to try; `{text}`, `{reference}`, `{complaint}`, `{person}` range over every complaint and an unknown one. */
export type QueryVariant = string;

export type Classification =
  /** Takes a complaint id: a hidden id must answer exactly like an unknown id. */
  | { kind: 'complaint-scoped'; fill: Record<string, IdSource> }
  /** Lists, counts or links complaints: hidden ones never show; a query naming one answers like an unknown one. */
  | { kind: 'lists-complaints'; fill?: Record<string, IdSource>; queries?: QueryVariant[] }
  /** A file or report about many complaints (rows never show a hidden one; figures may count it). */
  | { kind: 'export'; fill?: Record<string, IdSource>; queries?: QueryVariant[] }
  /** Reference data with people's names (the person directory): names are allowed, complaints are not. */
  | { kind: 'directory'; fill?: Record<string, IdSource>; queries?: QueryVariant[] }
  /** Holds no complaint data at all; still called and scanned. */
  | { kind: 'no-complaint-data'; reason: string; fill?: Record<string, IdSource> }
  /** Served without a session (login screen, health); still called and scanned. */
  | { kind: 'public'; reason: string; queries?: QueryVariant[]; fill?: Record<string, IdSource> }
  /** Not a GET: not called by the matrix (the report job kinds are, in their own test), but counted. */
  | { kind: 'write' };

const PERIOD = 'from={yearStart}&until={yearEnd}';
const COMPLAINT_QUERIES = ['', 'q={text}', 'q={reference}', 'complainantId={person}', 'confidential=true'];
const LIST_QUERIES = ['', 'q={text}'];

const GET: Record<string, Classification> = {
  '/health/live': { kind: 'public', reason: 'liveness probe' },
  '/health/ready': { kind: 'public', reason: 'readiness probe' },
  '/api/auth/me': { kind: 'no-complaint-data', reason: 'the caller’s own account' },
  '/api/auth/session': {
    kind: 'public',
    reason: 'whether the browser is signed in: the caller’s own account or nothing',
  },
  '/api/auth/sso': { kind: 'public', reason: 'whether the login screen offers single sign-on' },
  '/api/auth/sso/start': { kind: 'public', reason: 'a redirect to the identity provider' },
  '/api/auth/sso/callback': { kind: 'public', reason: 'the identity provider’s redirect back' },
  '/api/admin/sso-settings': { kind: 'no-complaint-data', reason: 'identity provider settings' },
  '/api/admin/organization': {
    kind: 'no-complaint-data',
    reason: 'the organisation’s name and postal address',
  },
  '/api/admin/users/{id}/sso-identities': {
    kind: 'no-complaint-data',
    reason: 'provider identities of a staff account',
    fill: { id: 'staffUser' },
  },
  '/api/organization': { kind: 'public', reason: 'the corporation’s name and settings for the web app' },
  '/api/departments': { kind: 'no-complaint-data', reason: 'departments and their managers' },
  '/api/staff': { kind: 'no-complaint-data', reason: 'staff members' },
  '/api/admin/users/{id}': {
    kind: 'no-complaint-data',
    reason: 'one staff account',
    fill: { id: 'staffUser' },
  },
  '/api/housing-complexes': { kind: 'directory', queries: LIST_QUERIES },
  '/api/housing-complexes/{id}': { kind: 'directory', fill: { id: 'complex' } },
  '/api/units': { kind: 'directory', queries: LIST_QUERIES },
  '/api/units/{id}': { kind: 'directory', fill: { id: 'unit' } },
  '/api/address-lookup': {
    kind: 'directory',
    queries: ['postcode=2678AB&houseNumber=12', 'postcode=2678ab&houseNumber=12&addition=a'],
  },
  '/api/persons': { kind: 'directory', queries: ['', 'search={name}'] },
  '/api/persons/{id}': { kind: 'directory', fill: { id: 'person' } },
  '/api/representatives': { kind: 'directory', queries: LIST_QUERIES },
  '/api/representatives/{id}': { kind: 'directory', fill: { id: 'representative' } },
  '/api/contractors': { kind: 'directory', queries: LIST_QUERIES },
  '/api/contractors/{id}': { kind: 'directory', fill: { id: 'contractor' } },
  '/api/reference-values': { kind: 'no-complaint-data', reason: 'the policy’s code lists' },
  '/api/calendar-settings': { kind: 'no-complaint-data', reason: 'working-day calendar' },
  '/api/calendar-settings/versions': { kind: 'no-complaint-data', reason: 'working-day calendar history' },
  '/api/admin/api-tokens': { kind: 'no-complaint-data', reason: 'token names and scopes' },
  '/api/admin/auth-events': { kind: 'no-complaint-data', reason: 'sign-in audit log' },
  '/api/complaints': { kind: 'lists-complaints', queries: COMPLAINT_QUERIES },
  '/api/complaints/counts': { kind: 'lists-complaints', queries: COMPLAINT_QUERIES },
  '/api/complaints/queue-counts': { kind: 'lists-complaints', queries: COMPLAINT_QUERIES },
  '/api/saved-views': { kind: 'no-complaint-data', reason: 'named filter query strings of the work queue' },
  '/api/complaints/likely-duplicates': {
    kind: 'lists-complaints',
    // a hidden complaint's id answers like an unknown one; the text is the same every time
    queries: ['complaintId={complaint}', 'complainantId={person}&text=opzichter%20onbeschoft'],
  },
  '/api/complaints/likely-repeats': {
    kind: 'lists-complaints',
    // the same text every time: similarity depends on the text sent, not on whom it names
    queries: [
      'complainantId={person}&text=opzichter%20onbeschoft',
      'unitId={unit}&text=opzichter%20onbeschoft',
    ],
  },
  '/api/complaints/{id}': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/persons/{id}/complaints': { kind: 'lists-complaints', fill: { id: 'person' }, queries: LIST_QUERIES },
  '/api/units/{id}/complaints': { kind: 'lists-complaints', fill: { id: 'unit' }, queries: LIST_QUERIES },
  '/api/housing-complexes/{id}/complaints': {
    kind: 'lists-complaints',
    fill: { id: 'complex' },
    queries: LIST_QUERIES,
  },
  '/api/routing-settings': { kind: 'no-complaint-data', reason: 'the routing rule' },
  '/api/notifications': { kind: 'lists-complaints' },
  '/api/term-monitor-settings': { kind: 'no-complaint-data', reason: 'reminder settings' },
  '/api/notification-preferences': { kind: 'no-complaint-data', reason: "one's own e-mail choices" },
  '/api/mt/quarters/{quarter}/agenda': { kind: 'lists-complaints', fill: { quarter: 'quarter' } },
  '/api/mt/quarters/{quarter}/figures': { kind: 'export', fill: { quarter: 'quarter' } },
  '/api/mt/quarters/{quarter}/themes': { kind: 'lists-complaints', fill: { quarter: 'quarter' } },
  '/api/mt/policy-issues': { kind: 'lists-complaints' },
  '/api/mt/meetings/{id}': { kind: 'lists-complaints', fill: { id: 'meeting' } },
  '/api/mt/meetings/{id}/pdf': { kind: 'export', fill: { id: 'meeting' } },
  '/api/improvement-actions': { kind: 'lists-complaints' },
  '/api/improvement-actions/{id}': { kind: 'lists-complaints', fill: { id: 'improvementAction' } },
  '/api/admin/job-runs': { kind: 'no-complaint-data', reason: 'scheduled job runs (counts only)' },
  '/api/reports/quarterly': { kind: 'export', queries: ['quarter={quarter}'] },
  '/api/reports/annual': { kind: 'export', queries: ['year={year}'] },
  // issue 24: own figures and the sector's quartiles, never a complaint or another organisation
  '/api/reports/sector-benchmark': { kind: 'export', queries: ['quarter={quarter}'] },
  // issue 26: the annual self-assessment holds only aggregate figures; the portal shows it once published
  '/api/self-assessments/{year}': { kind: 'export', fill: { year: 'year' } },
  '/api/self-assessments/{year}/pdf': { kind: 'export', fill: { year: 'year' } },
  '/api/admin/sector-benchmark': {
    kind: 'no-complaint-data',
    reason: 'whether the organisation takes part in the sector benchmark',
  },
  '/api/reports/quarterly/export': {
    kind: 'export',
    queries: [
      'quarter={quarter}&format=pdf',
      'quarter={quarter}&format=xlsx',
      'quarter={quarter}&format=csv',
    ],
  },
  '/api/reports/annual/export': {
    kind: 'export',
    queries: ['year={year}&format=pdf', 'year={year}&format=xlsx', 'year={year}&format=csv'],
  },
  '/api/reports/complaints': {
    kind: 'lists-complaints',
    queries: [`${PERIOD}&set=received`, `${PERIOD}&set=received&dimension=department`],
  },
  '/api/reports/jobs/{id}': { kind: 'export', fill: { id: 'reportJob' } },
  '/api/reports/jobs/{id}/download': { kind: 'export', fill: { id: 'reportJob' } },
  '/api/complaints/{id}/committee-dossier.zip': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/integrations/feed': { kind: 'lists-complaints', queries: ['limit=1000'] },
  '/api/admin/webhooks': { kind: 'no-complaint-data', reason: 'webhook endpoints (URLs, event types)' },
  '/api/admin/webhooks/{id}/deliveries': { kind: 'lists-complaints', fill: { id: 'webhook' } },
  '/api/manager/employee-repeat-counts': { kind: 'lists-complaints' },
  '/api/manager/approvals-waiting': { kind: 'lists-complaints' },
  '/api/admin/outbox': {
    kind: 'lists-complaints',
    queries: ['limit=500', 'complaintId={complaint}&limit=500'],
  },
  '/api/admin/outbox/{id}': { kind: 'lists-complaints', fill: { id: 'outboxMessage' } },
  '/api/admin/message-templates': { kind: 'no-complaint-data', reason: 'mail templates' },
  '/api/complaints/{id}/acknowledgement-letter.pdf': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/complaints/{id}/answer-letter.pdf': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  // issue 26: the complainant's adjustments, only to staff who may see the complaint
  '/api/complaints/{id}/adjustments': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  // issue 26: a person's adjustments at intake (per person, like the directory; no complaint data)
  '/api/persons/{id}/adjustments': { kind: 'directory', fill: { id: 'person' } },
  '/api/letters/to-post': { kind: 'lists-complaints' },
  '/api/letters/{letterId}/letter.pdf': { kind: 'lists-complaints', fill: { letterId: 'outboxMessage' } },
  '/api/complaints/{id}/explanation-letter.pdf': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/complaints/{id}/answer-composer': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/complaints/{id}/emails/{mailId}': {
    kind: 'complaint-scoped',
    fill: { id: 'complaint', mailId: 'mailOfComplaint' },
  },
  '/api/complaints/{id}/attachments': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/complaints/{id}/attachments/{attachmentId}': {
    kind: 'complaint-scoped',
    fill: { id: 'complaint', attachmentId: 'attachmentOfComplaint' },
  },
  '/api/privacy/settings': { kind: 'no-complaint-data', reason: 'retention terms' },
  '/api/privacy/complaints/{id}/legal-holds': { kind: 'complaint-scoped', fill: { id: 'complaint' } },
  '/api/privacy/retention/dry-run': { kind: 'lists-complaints' },
  '/api/privacy/persons/{id}/export': { kind: 'export', fill: { id: 'person' } },
  '/api/privacy/access-log': {
    kind: 'lists-complaints',
    queries: ['limit=500', 'complaintId={complaint}&limit=500'],
  },
  '/api/privacy/access-log/export': { kind: 'export', queries: ['', 'complaintId={complaint}'] },
  '/api/privacy/persons/{id}/access-log': { kind: 'lists-complaints', fill: { id: 'person' } },
  '/api/admin/setup-gaps': { kind: 'no-complaint-data', reason: 'what the installation lacks' },
  '/api/admin/portal-settings': { kind: 'no-complaint-data', reason: 'portal settings' },
  // Decision 047: the platform administrator's routes answer only on PLATFORM_HOST (404 elsewhere, 401 without
  // a platform session); they hold corporations and counts, never complaint data.
  '/api/platform/me': {
    kind: 'no-complaint-data',
    reason: 'the platform administrator’s own e-mail address',
  },
  '/api/platform/corporations': {
    kind: 'no-complaint-data',
    reason: 'corporations, their host names and counts (numbers only)',
  },
  '/api/platform/corporations/{id}/exports': {
    kind: 'no-complaint-data',
    reason: 'export jobs: status and counts of tables, rows and files',
  },
  '/api/platform/corporations/{id}/exports/{exportId}': {
    kind: 'no-complaint-data',
    reason: 'one export job: status and counts',
  },
  '/api/platform/corporations/{id}/exports/{exportId}/download': {
    kind: 'no-complaint-data',
    reason: 'ciphertext only: encrypted to the corporation’s public key, the platform cannot read it',
  },
};

/**
 * GET routes the server answers that the OpenAPI document leaves out (`schema.hide`): the portal's pages for
 * complainants, its assets and the API documentation. Found from the router itself, so a new hidden route fails
 * the test too. Paths as in OpenAPI (`{param}`).
 */
export const UNDOCUMENTED_GET: ReadonlyMap<string, Classification> = new Map<string, Classification>([
  ['/api/openapi.json', { kind: 'public', reason: 'the OpenAPI document itself' }],
  ['/api/docs', { kind: 'public', reason: 'API documentation (Swagger UI)' }],
  ['/api/docs/json', { kind: 'public', reason: 'API documentation (Swagger UI)' }],
  ['/api/docs/yaml', { kind: 'public', reason: 'API documentation (Swagger UI)' }],
  ['/api/docs/static/index.html', { kind: 'public', reason: 'API documentation (Swagger UI)' }],
  ['/api/docs/static/swagger-initializer.js', { kind: 'public', reason: 'API documentation (Swagger UI)' }],
  // Fastify's route tree shows the assets route '/api/docs/*' as '/api/docs*'
  ['/api/docs*', { kind: 'public', reason: 'API documentation (Swagger UI assets)' }],
  [
    '/portal-assets/{file}',
    { kind: 'public', reason: 'the portal’s stylesheet', fill: { file: 'portalFile' } },
  ],
  ['/', { kind: 'public', reason: 'the portal’s front door with the corporation’s contact details' }],
  ['/en', { kind: 'public', reason: 'the front door (English)' }],
  ['/robots.txt', { kind: 'public', reason: 'what search engines may index' }],
  // issue 26: a corporation's published self-assessment (aggregate figures only)
  [
    '/zelfevaluatie/{year}',
    {
      kind: 'public',
      reason: 'a published self-assessment (aggregate figures only)',
      fill: { year: 'year' },
    },
  ],
  [
    '/en/self-assessment/{year}',
    {
      kind: 'public',
      reason: 'a published self-assessment in English (decision 054; aggregate figures only)',
      fill: { year: 'year' },
    },
  ],
  ['/klacht', { kind: 'public', reason: 'the portal’s complaint form (Dutch)' }],
  ['/complaint', { kind: 'public', reason: 'the portal’s complaint form (English)' }],
  [
    '/klacht/status',
    { kind: 'public', reason: 'the form where a tenant types the case code from their letter' },
  ],
  ['/complaint/status', { kind: 'public', reason: 'the case-code form (English)' }],
  // Issue 21 (decision 028): the same public pages in Turkish, Arabic and Polish, behind their prefix
  ...['tr', 'ar', 'pl'].flatMap((lang) => [
    [`/${lang}`, { kind: 'public', reason: `the front door (${lang})` }] as [string, Classification],
    [`/${lang}/klacht`, { kind: 'public', reason: `the portal’s complaint form (${lang})` }] as [
      string,
      Classification,
    ],
    [`/${lang}/klacht/status`, { kind: 'public', reason: `the case-code form (${lang})` }] as [
      string,
      Classification,
    ],
  ]),
  ...['/klacht/status/{token}', '/klacht/status/{token}/ontvangen', '/complaint/status/{token}']
    .concat(['/complaint/status/{token}/received'])
    .concat(
      ['tr', 'ar', 'pl'].flatMap((lang) => [
        `/${lang}/klacht/status/{token}`,
        `/${lang}/klacht/status/{token}/ontvangen`,
      ]),
    )
    .map(
      (path) =>
        [
          path,
          {
            kind: 'public',
            reason: 'the complainant’s status page, opened with the secret token of their own complaint',
            fill: { token: 'statusToken' },
          },
        ] as [string, Classification],
    ),
]);

/** Every operation that is not a GET. POST /api/reports/jobs is the one write the matrix runs (every kind). */
const WRITES = `
POST /api/auth/login
POST /api/complaints/bulk-assign
POST /api/saved-views
DELETE /api/saved-views/{id}
POST /api/auth/login/second-factor
POST /api/auth/logout
POST /api/auth/logout-everywhere
POST /api/auth/password
POST /api/auth/second-factor/setup
POST /api/auth/second-factor/enable
POST /api/auth/second-factor/disable
PUT /api/admin/sso-settings
PUT /api/admin/organization
PUT /api/admin/sector-benchmark
POST /api/self-assessments/{year}
PUT /api/self-assessments/{year}/publication
POST /api/admin/users/{id}/sso-identities
DELETE /api/admin/users/{id}/sso-identities/{identityId}
POST /api/admin/departments
PATCH /api/admin/departments/{id}
PATCH /api/admin/users/{id}
POST /api/admin/users
POST /api/housing-complexes
PATCH /api/housing-complexes/{id}
POST /api/units
PATCH /api/units/{id}
POST /api/persons
PATCH /api/persons/{id}
POST /api/representatives
PATCH /api/representatives/{id}
POST /api/contractors
PATCH /api/contractors/{id}
PATCH /api/reference-values/{kind}/{code}
POST /api/calendar-settings
POST /api/imports/{kind}
POST /api/admin/api-tokens
DELETE /api/admin/api-tokens/{id}
POST /api/complaints
POST /api/complaints/{id}/triage
POST /api/complaints/{id}/record-without-answer-duty
POST /api/complaints/{id}/assign
POST /api/complaints/{id}/transfer
POST /api/complaints/{id}/contacts
POST /api/complaints/{id}/notes
POST /api/complaints/{id}/written-only
POST /api/complaints/{id}/assessment
POST /api/complaints/{id}/approval-requests
POST /api/complaints/{id}/approvals
POST /api/complaints/{id}/approval-refusals
POST /api/complaints/{id}/legal-advice
POST /api/complaints/{id}/compensation-paid
POST /api/complaints/{id}/extensions
POST /api/complaints/{id}/answer
POST /api/complaints/{id}/policy-finding
POST /api/complaints/{id}/explanation
POST /api/complaints/{id}/letter-posted
POST /api/letters/{letterId}/posted
POST /api/complaints/{id}/close
POST /api/complaints/{id}/withdraw
POST /api/complaints/{id}/merge
POST /api/complaints/{id}/criminal-offence
POST /api/complaints/{id}/board-track/decision
POST /api/complaints/{id}/confidential
POST /api/complaints/{id}/confidential/lift
POST /api/complaints/{id}/committee
POST /api/complaints/{id}/committee/reference
POST /api/complaints/{id}/committee/ruling
POST /api/complaints/{id}/committee/board-decision
POST /api/complaints/{id}/committee/follow-up
POST /api/complaints/{id}/housing-complex
POST /api/complaints/{id}/complainant-locale
PUT /api/complaints/{id}/adjustments
PUT /api/routing-settings
POST /api/notifications/read
PUT /api/term-monitor-settings
PUT /api/notification-preferences
POST /api/mt/policy-issues
POST /api/mt/policy-issues/merge
POST /api/mt/meetings
POST /api/mt/quarters/{quarter}/themes/run
PATCH /api/mt/meetings/{id}
POST /api/mt/meetings/{id}/decisions
POST /api/mt/meetings/{id}/approve
POST /api/improvement-actions
PATCH /api/improvement-actions/{id}
POST /api/reports/jobs
POST /api/admin/webhooks
PATCH /api/admin/webhooks/{id}
POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver
POST /api/admin/outbox/{id}/retry
PUT /api/admin/message-templates/{kind}/{locale}
DELETE /api/admin/message-templates/{kind}/{locale}
POST /api/admin/message-templates/{kind}/{locale}/preview
POST /api/complaints/{id}/answer-preview
PUT /api/complaints/{id}/answer-draft
DELETE /api/complaints/{id}/answer-draft
POST /api/complaints/intake/eml
POST /api/complaints/{id}/attachments
PATCH /api/privacy/settings
POST /api/privacy/complaints/{id}/legal-holds
POST /api/privacy/legal-holds/{id}/lift
POST /api/privacy/persons/{id}/erase
POST /api/setup/check
POST /api/setup
PUT /api/admin/portal-settings
POST /api/complaints/{id}/status-links/revoke
POST /api/platform/sign-in
POST /api/platform/password
POST /api/platform/sign-out
POST /api/platform/corporations
PUT /api/platform/corporations/{id}/hostnames
POST /api/platform/corporations/{id}/setup-link
POST /api/platform/corporations/{id}/suspend
POST /api/platform/corporations/{id}/resume
POST /api/platform/corporations/{id}/exports
`;

export const CLASSIFICATION: ReadonlyMap<string, Classification> = new Map([
  ...Object.entries(GET).map(([path, c]) => [`GET ${path}`, c] as const),
  ...WRITES.trim()
    .split('\n')
    .map((line) => [line.trim(), { kind: 'write' } as Classification] as const),
]);
