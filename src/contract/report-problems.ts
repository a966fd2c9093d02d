/** Refusals of the reports (policy 2.2, 3.2). */
export const reportProblemCatalog = {
  report_job_required: {
    status: 409,
    nl: 'Deze rapportage is te groot om direct te maken. Start een rapportagetaak en download het bestand als het klaar is.',
    en: 'This report is too large to produce directly. Start a report job and download the file when it is ready.',
  },
  report_not_ready: {
    status: 409,
    nl: 'Het bestand is nog niet klaar.',
    en: 'The file is not ready yet.',
  },
  report_department_required: {
    status: 403,
    nl: 'Kies een afdeling waarvan u leidinggevende bent.',
    en: 'Choose a department you manage.',
  },
} as const satisfies Record<string, { status: number; nl: string; en: string }>;
