import { z } from 'zod';

export const IMPORT_KINDS = ['complexes', 'units', 'tenants'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportColumn = {
  /** The documented header; `aliases` are other spellings seen in corporations' exports. */
  name: string;
  aliases: readonly string[];
  required: boolean;
  description: string;
};

const EXTERNAL_ID = ['extern_id', 'external_id', 'externid', 'id'];
const PLACE = ['plaats', 'woonplaats', 'place', 'city'];
const COMPLEX_NUMBER = ['complexnummer', 'complex_nummer', 'complex_number', 'complexnumber', 'complex'];

/** The columns each import reads. Header names are matched case-insensitively; other columns are ignored. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  complexes: [
    {
      name: 'complexnummer',
      aliases: COMPLEX_NUMBER,
      required: true,
      description: 'Complexnummer, max. 20 tekens (also the external id when `extern_id` is absent)',
    },
    { name: 'naam', aliases: ['naam', 'complexnaam', 'name'], required: true, description: 'Name, max. 200' },
    { name: 'plaats', aliases: PLACE, required: true, description: 'Place, max. 100' },
    {
      name: 'extern_id',
      aliases: EXTERNAL_ID,
      required: false,
      description: "Id in the corporation's system; re-imports update the complex with this id",
    },
  ],
  units: [
    {
      name: 'extern_id',
      aliases: [...EXTERNAL_ID, 'vhe', 'vhe_nummer', 'eenheidnummer', 'eenheid'],
      required: true,
      description:
        'Unit id in the corporation’s system (VHE-nummer); re-imports update the unit with this id',
    },
    {
      name: 'complexnummer',
      aliases: COMPLEX_NUMBER,
      required: false,
      description: 'Complexnummer of an existing (or earlier imported) complex',
    },
    { name: 'straat', aliases: ['straat', 'straatnaam', 'street'], required: true, description: 'Street' },
    {
      name: 'huisnummer',
      aliases: ['huisnummer', 'huisnr', 'house_number', 'housenumber'],
      required: true,
      description: 'House number, 1–99999',
    },
    {
      name: 'toevoeging',
      aliases: ['toevoeging', 'huisnummertoevoeging', 'huisletter', 'house_number_addition', 'addition'],
      required: false,
      description: 'Addition, max. 10 (A, 2-hoog)',
    },
    {
      name: 'postcode',
      aliases: ['postcode', 'postal_code', 'zip'],
      required: true,
      description: 'Postcode, 1234AB or 1234 ab',
    },
    { name: 'plaats', aliases: PLACE, required: true, description: 'Place, max. 100' },
  ],
  tenants: [
    {
      name: 'extern_id',
      aliases: [...EXTERNAL_ID, 'relatienummer', 'huurdernummer'],
      required: true,
      description: 'Tenant id in the corporation’s system; re-imports update the tenant with this id',
    },
    { name: 'naam', aliases: ['naam', 'name'], required: true, description: 'Name, max. 200' },
    {
      name: 'email',
      aliases: ['email', 'e_mail', 'emailadres', 'e_mailadres'],
      required: false,
      description: 'E-mail address',
    },
    {
      name: 'telefoon',
      aliases: ['telefoon', 'telefoonnummer', 'tel', 'phone'],
      required: false,
      description: 'Phone number',
    },
    {
      name: 'postadres',
      aliases: ['postadres', 'correspondentieadres', 'postal_address'],
      required: false,
      description: 'Postal address when it differs from the unit, max. 500',
    },
    {
      name: 'eenheid',
      aliases: ['eenheid', 'vhe', 'vhe_nummer', 'eenheid_extern_id', 'unit', 'unit_external_id'],
      required: true,
      description: 'extern_id of the unit (imported before) the tenant rents',
    },
  ],
};

/** How a header cell is compared: "E-mailadres " and "e_mailadres" are the same column. */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export const importParams = z.object({ kind: z.enum(IMPORT_KINDS) });

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: validate and count only, write nothing'),
});

export const importBody = z
  .union([
    z.string().describe('The CSV file itself (Content-Type: text/csv)'),
    z.object({ csv: z.string().describe('The CSV file as text') }),
  ])
  .meta({ id: 'ImportBody' });

export const importResult = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    dryRun: z.boolean(),
    rows: z.number().int().describe('Data rows read'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    ignoredColumns: z.array(z.string()).describe('Header cells that are not an import column'),
  })
  .meta({ id: 'ImportResult' });

export type ImportResult = z.infer<typeof importResult>;

/** The expected columns as Markdown, for the OpenAPI description. */
export function describeImportColumns(kind: ImportKind): string {
  const lines = IMPORT_COLUMNS[kind].map(
    (column) =>
      `- \`${column.name}\`${column.required ? ' (required)' : ''}: ${column.description}` +
      (column.aliases.length > 1
        ? ` — also: ${column.aliases.filter((a) => a !== column.name).join(', ')}`
        : ''),
  );
  return lines.join('\n');
}
