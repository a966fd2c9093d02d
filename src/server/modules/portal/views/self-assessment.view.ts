import {
  figureValueIn,
  type SelfAssessmentDocument,
  type SelfAssessmentLocale,
  sectionNoteIn,
} from '../../../../contract/self-assessment.ts';
import { FRAMEWORKS, STATUS_LABELS } from '../../../../domain/index.ts';
import { html, type SafeHtml } from './html.ts';

// Issue 26 (decision 050, 054): a corporation's published self-assessment for tenants, in Dutch or English (the
// requirements file and the stored document hold both). Only aggregate figures.

export const SELF_ASSESSMENT_PAGE_TEXT = {
  nl: {
    title: (year: number) => `Zelfevaluatie klachtbehandeling ${year}`,
    lead: (name: string) =>
      `Zo toetst ${name} elk jaar de eigen klachtbehandeling aan de Woningwet, het voorbeeldreglement voor de klachtencommissie en, als internationale maatstaf, de Complaint Handling Code 2024 van de Britse Housing Ombudsman. Alleen totalen: er staan geen namen of klachten in.`,
    evidence: 'Bewijs',
    evidenceFor: (id: string) => `Bewijs bij ${id}`,
    value: 'Waarde',
    noEvidence: 'Bewijs: Gehoord heeft hier geen gegevens over.',
    missing: 'Wat ontbreekt',
    source: 'Bron',
    sectionNote: 'Noot bij de vindplaats',
    version: (version: string, date: string, made: string) =>
      `Eisenlijst versie ${version} (${date}); gemaakt op ${made}.`,
  },
  en: {
    title: (year: number) => `Complaint handling self-assessment ${year}`,
    lead: (name: string) =>
      `This is how ${name} checks its own complaint handling every year against the Dutch Housing Act (Woningwet), the model regulation for the complaints committee and, as an international benchmark, the UK Housing Ombudsman’s Complaint Handling Code 2024. Totals only: it holds no names and no complaints.`,
    evidence: 'Evidence',
    evidenceFor: (id: string) => `Evidence for ${id}`,
    value: 'Value',
    noEvidence: 'Evidence: Gehoord holds no data on this.',
    missing: 'What is missing',
    source: 'Source',
    sectionNote: 'Note on the reference',
    version: (version: string, date: string, made: string) =>
      `Requirements version ${version} (${date}); made on ${made}.`,
  },
} as const;

export function selfAssessmentView(document: SelfAssessmentDocument, locale: SelfAssessmentLocale): SafeHtml {
  const t = SELF_ASSESSMENT_PAGE_TEXT[locale];
  const c = document.counts;
  const label = (status: keyof typeof STATUS_LABELS) => STATUS_LABELS[status][locale];
  return html`<h1>${t.title(document.year)}</h1>
<p class="lead">${t.lead(document.organizationName)}</p>
<p>${label('met')}: ${String(c.met)} · ${label('partly')}: ${String(c.partly)} · ${label('not_met')}: ${String(c.not_met)} ·
${label('not_measurable')}: ${String(c.not_measurable)}</p>
${document.requirements.map(
  (r) => html`<section aria-labelledby="req-${r.id}" data-requirement="${r.id}">
<h2 id="req-${r.id}">${r.text[locale]}</h2>
<p><strong>${label(r.status)}</strong> · ${FRAMEWORKS[r.framework][locale]}, ${r.section}</p>
${r.sectionNote ? html`<p><small>${t.sectionNote}: ${sectionNoteIn(r.sectionNote, locale)}</small></p>` : ''}
${
  r.figures.length === 0
    ? html`<p>${t.noEvidence}</p>
`
    : html`<table>
<caption>${t.evidenceFor(r.id)}</caption>
<thead><tr><th scope="col">${t.evidence}</th><th scope="col">${t.value}</th></tr></thead>
<tbody>${r.figures.map((f) => html`<tr><th scope="row">${f.label[locale]}</th><td>${figureValueIn(f.value, locale)}</td></tr>`)}</tbody>
</table>`
}
${r.missing ? html`<p>${t.missing}: ${r.missing[locale]}</p>` : ''}
<p><a href="${r.sourceUrl}">${t.source}</a></p>
</section>`,
)}
<p>${t.version(document.requirementsVersion, document.requirementsDate, document.generatedAt.slice(0, 10))}</p>`;
}
