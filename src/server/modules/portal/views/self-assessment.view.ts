import type { SelfAssessmentDocument } from '../../../../contract/self-assessment.ts';
import { FRAMEWORKS, STATUS_LABELS } from '../../../../domain/index.ts';
import { html, type SafeHtml } from './html.ts';

// Issue 26 (decision 050): a corporation's published self-assessment for tenants. Only aggregate figures.

export function selfAssessmentView(document: SelfAssessmentDocument): SafeHtml {
  const c = document.counts;
  return html`<h1>Zelfevaluatie klachtbehandeling ${String(document.year)}</h1>
<p class="lead">Zo toetst ${document.organizationName} elk jaar de eigen klachtbehandeling aan de Woningwet, het
voorbeeldreglement voor de klachtencommissie en, als internationale maatstaf, de Complaint Handling Code 2024 van
de Britse Housing Ombudsman. Alleen totalen: er staan geen namen of klachten in.</p>
<p>Voldaan: ${String(c.met)} · Deels voldaan: ${String(c.partly)} · Niet voldaan: ${String(c.not_met)} ·
Niet meetbaar: ${String(c.not_measurable)}</p>
${document.requirements.map(
  (r) => html`<section aria-labelledby="req-${r.id}">
<h2 id="req-${r.id}">${r.text.nl}</h2>
<p><strong>${STATUS_LABELS[r.status].nl}</strong> · ${FRAMEWORKS[r.framework].nl}, ${r.section}</p>
${
  r.figures.length === 0
    ? html`<p>Bewijs: Gehoord heeft hier geen gegevens over.</p>
`
    : html`<table>
<caption>Bewijs bij ${r.id}</caption>
<thead><tr><th scope="col">Bewijs</th><th scope="col">Waarde</th></tr></thead>
<tbody>${r.figures.map((f) => html`<tr><th scope="row">${f.label.nl}</th><td>${f.value}</td></tr>`)}</tbody>
</table>`
}
${r.missing ? html`<p>Wat ontbreekt: ${r.missing.nl}</p>` : ''}
<p><a href="${r.sourceUrl}">Bron</a></p>
</section>`,
)}
<p>Eisenlijst versie ${document.requirementsVersion} (${document.requirementsDate}); gemaakt op ${document.generatedAt.slice(0, 10)}.</p>`;
}
