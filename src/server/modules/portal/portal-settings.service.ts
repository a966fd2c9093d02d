import type { PortalSettings } from '../../../contract/portal.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import type { PortalSettingsRow } from './portal.repository.ts';
import * as repository from './portal.repository.ts';
import { contrastWithWhite } from './views/brand.ts';

function toContract(row: PortalSettingsRow): PortalSettings {
  const texts = (row.referral_texts ?? {}) as PortalSettings['referralTexts'];
  return {
    displayName: row.display_name,
    logoUrl: row.logo_url,
    brandColour: row.brand_colour,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    contactHours: row.contact_hours,
    websiteUrl: row.website_url,
    repairUrl: row.repair_url,
    nuisanceUrl: row.nuisance_url,
    fraudUrl: row.fraud_url,
    objectionUrl: row.objection_url,
    referralTexts: texts,
    committeeName: row.committee_name,
    committeeContact: row.committee_contact,
    committeeUrl: row.committee_url,
    intakeDepartmentId: row.intake_department_id,
    statusLinkDaysAfterClose: row.status_link_days_after_close,
  };
}

function fieldError(path: string, nl: string, en: string) {
  return new AppError('validation_failed', {
    fieldErrors: [{ in: 'body', path, code: 'invalid', messages: { nl, en } }],
  });
}

export async function getPortalSettings(db: Database, staff: StaffPrincipal): Promise<PortalSettings> {
  return inOrganization(db, staff.organizationId, async (trx) =>
    toContract(await repository.loadPortalSettings(trx, staff.organizationId)),
  );
}

export async function savePortalSettings(
  db: Database,
  staff: StaffPrincipal,
  input: PortalSettings,
): Promise<PortalSettings> {
  // WCAG 1.4.3: the portal puts white text on this colour.
  if (input.brandColour !== null && contrastWithWhite(input.brandColour) < 5)
    throw fieldError(
      'brandColour',
      'Deze kleur is te licht: witte tekst is er niet goed op te lezen. Kies een donkerdere kleur.',
      'This colour is too light for white text. Choose a darker colour.',
    );
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (
      input.intakeDepartmentId !== null &&
      !(await repository.departmentExists(trx, input.intakeDepartmentId))
    )
      throw fieldError(
        'intakeDepartmentId',
        'Deze afdeling bestaat niet.',
        'This department does not exist.',
      );
    await repository.loadPortalSettings(trx, staff.organizationId);
    await repository.updatePortalSettings(trx, staff.organizationId, {
      display_name: input.displayName,
      logo_url: input.logoUrl,
      brand_colour: input.brandColour,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      contact_hours: input.contactHours,
      website_url: input.websiteUrl,
      repair_url: input.repairUrl,
      nuisance_url: input.nuisanceUrl,
      fraud_url: input.fraudUrl,
      objection_url: input.objectionUrl,
      referral_texts: JSON.stringify(input.referralTexts),
      committee_name: input.committeeName,
      committee_contact: input.committeeContact,
      committee_url: input.committeeUrl,
      intake_department_id: input.intakeDepartmentId,
      status_link_days_after_close: input.statusLinkDaysAfterClose,
    });
    return toContract(await repository.loadPortalSettings(trx, staff.organizationId));
  });
}

export type InitialPortalSettings = {
  intakeDepartmentId: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  committeeName: string | null;
  committeeContact: string | null;
  committeeUrl: string | null;
};

/**
 * First-run setup (and the demo organisation), inside the caller's transaction: the intake department for
 * website complaints, the contact details and the regional committee. Only the fields given are set.
 */
export async function applyInitialPortalSettings(
  trx: Scoped,
  organizationId: string,
  values: Partial<InitialPortalSettings>,
): Promise<void> {
  await repository.loadPortalSettings(trx, organizationId);
  const columns = {
    intake_department_id: values.intakeDepartmentId,
    contact_phone: values.contactPhone,
    contact_email: values.contactEmail,
    committee_name: values.committeeName,
    committee_contact: values.committeeContact,
    committee_url: values.committeeUrl,
  };
  const given = Object.fromEntries(
    Object.entries(columns).filter(([, value]) => value !== undefined),
  ) as Record<string, string | null>;
  if (Object.keys(given).length > 0) await repository.updatePortalSettings(trx, organizationId, given);
}
