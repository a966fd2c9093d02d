import { complaintProblemCatalog } from './complaint-problems.ts';
import { integrationProblemCatalog } from './integration-problems.ts';
import { learningProblemCatalog } from './learning-problems.ts';
import { reportProblemCatalog } from './report-problems.ts';

/**
 * Every error code the API returns, with its HTTP status and its message in Dutch and English.
 * Shared by server and web: the web app shows `messages[locale]` for a code it receives.
 */
export const errorCatalog = {
  ...complaintProblemCatalog,
  ...learningProblemCatalog,
  ...reportProblemCatalog,
  ...integrationProblemCatalog,
  validation_failed: {
    status: 400,
    nl: 'Niet alle velden zijn goed ingevuld.',
    en: 'Some fields are not filled in correctly.',
  },
  malformed_request: {
    status: 400,
    nl: 'Het verzoek kon niet worden gelezen.',
    en: 'The request could not be read.',
  },
  unauthenticated: { status: 401, nl: 'Log eerst in.', en: 'Please sign in first.' },
  invalid_credentials: {
    status: 401,
    nl: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
    en: 'This e-mail address and password do not match.',
  },
  second_factor_required: {
    status: 401,
    nl: 'Vul eerst de code uit uw authenticator-app in.',
    en: 'Enter the code from your authenticator app first.',
  },
  invalid_second_factor: {
    status: 401,
    nl: 'Deze code klopt niet of is al gebruikt.',
    en: 'This code is wrong or has already been used.',
  },
  second_factor_enrollment_required: {
    status: 403,
    nl: 'Stel eerst tweestapsverificatie in; dat is verplicht voor uw rol.',
    en: 'Set up two-step verification first; it is required for your role.',
  },
  csrf_rejected: {
    status: 403,
    nl: 'Dit verzoek kwam niet van Gehoord zelf en is geweigerd.',
    en: 'This request did not come from Gehoord itself and was refused.',
  },
  token_scope_insufficient: {
    status: 403,
    nl: 'Deze API-sleutel mag dit niet.',
    en: 'This API token is not allowed to do this.',
  },
  setup_link_invalid: {
    status: 404,
    nl: 'Deze installatielink is ongeldig, verlopen of al gebruikt. Start Gehoord opnieuw voor een nieuwe link.',
    en: 'This setup link is invalid, expired or already used. Restart Gehoord for a new link.',
  },
  already_set_up: {
    status: 409,
    nl: 'Gehoord is al ingericht. Log in met uw account.',
    en: 'Gehoord has already been set up. Sign in with your account.',
  },
  second_factor_blocked: {
    status: 429,
    nl: 'Te vaak een verkeerde code. Wacht een kwartier en log dan opnieuw in met uw wachtwoord.',
    en: 'Too many wrong codes. Wait fifteen minutes, then sign in again with your password.',
  },
  login_blocked: {
    status: 429,
    nl: 'Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.',
    en: 'Too many failed attempts. Wait fifteen minutes and try again.',
  },
  // Single sign-on: also the `fout` value of the /inloggen redirect after a refused SSO login.
  sso_not_configured: {
    status: 404,
    nl: 'Inloggen via uw organisatie (single sign-on) is hier niet ingesteld.',
    en: 'Signing in through your organisation (single sign-on) is not set up here.',
  },
  sso_unknown_user: {
    status: 403,
    nl: 'Er is in Gehoord geen account gekoppeld aan dit account van uw organisatie. Vraag een beheerder om het te koppelen.',
    en: 'No Gehoord account is linked to this account of your organisation. Ask an administrator to link it.',
  },
  sso_not_allowed: {
    status: 403,
    nl: 'Inloggen met een account van deze organisatie of aanbieder is hier niet toegestaan.',
    en: 'Signing in with an account of this organisation or provider is not allowed here.',
  },
  sso_account_inactive: {
    status: 403,
    nl: 'Uw account in Gehoord is gedeactiveerd. Neem contact op met een beheerder.',
    en: 'Your Gehoord account has been deactivated. Contact an administrator.',
  },
  sso_failed: {
    status: 400,
    nl: 'Inloggen via uw organisatie is mislukt of verlopen. Probeer het opnieuw.',
    en: 'Signing in through your organisation failed or expired. Please try again.',
  },
  sso_unavailable: {
    status: 503,
    nl: 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw of log in met uw wachtwoord.',
    en: "Your organisation's sign-in service cannot be reached right now. Try again later or sign in with your password.",
  },
  forbidden: { status: 403, nl: 'U heeft hiervoor geen toestemming.', en: 'You are not allowed to do this.' },
  not_found: { status: 404, nl: 'Dit bestaat niet (meer).', en: 'This does not exist (any more).' },
  route_not_found: {
    status: 404,
    nl: 'Dit adres bestaat niet in de API.',
    en: 'This address does not exist in the API.',
  },
  organization_not_found: {
    status: 404,
    nl: 'Er is geen woningcorporatie ingesteld voor dit adres.',
    en: 'No housing corporation is set up for this address.',
  },
  email_taken: {
    status: 409,
    nl: 'Er is al een account met dit e-mailadres.',
    en: 'There is already an account with this e-mail address.',
  },
  name_taken: {
    status: 409,
    nl: 'Deze naam is al in gebruik.',
    en: 'This name is already in use.',
  },
  conflict: {
    status: 409,
    nl: 'Dit is intussen door iemand anders gewijzigd.',
    en: 'Someone else changed this in the meantime.',
  },
  already_exists: {
    status: 409,
    nl: 'Dit bestaat al: een van de gegevens moet uniek zijn.',
    en: 'This already exists: one of the values must be unique.',
  },
  department_unknown: {
    status: 422,
    nl: 'Deze afdeling bestaat niet of is niet actief.',
    en: 'This department does not exist or is not active.',
  },
  housing_complex_change_requires_reason: {
    status: 422,
    nl: 'Geef de reden waarom het complex verandert.',
    en: 'Give the reason why the housing complex changes.',
  },
  housing_complex_unchanged: {
    status: 422,
    nl: 'De klacht staat al bij dit complex.',
    en: 'The complaint is already registered with this housing complex.',
  },
  adjustments_unchanged: {
    status: 422,
    nl: 'Er verandert niets aan de aanpassingen.',
    en: 'Nothing changes in the adjustments.',
  },
  adjustments_without_complainant: {
    status: 422,
    nl: 'Deze klacht heeft geen klager (meer) om aanpassingen voor vast te leggen.',
    en: 'This complaint has no complainant (any more) to record adjustments for.',
  },
  complainant_locale_unchanged: {
    status: 422,
    nl: 'De klager heeft deze taal al. Kies een andere taal.',
    en: 'The complainant already has this language. Choose another language.',
  },
  calendar_settings_invalid: {
    status: 422,
    nl: 'Deze kalenderinstellingen zijn niet geldig.',
    en: 'These calendar settings are not valid.',
  },
  template_invalid: {
    status: 422,
    nl: 'Deze tekst kan zo niet worden bewaard. Verbeter de genoemde velden.',
    en: 'This text cannot be saved as it is. Correct the fields listed.',
  },
  import_invalid: {
    status: 422,
    nl: 'Het bestand bevat fouten. Er is niets geïmporteerd; verbeter de genoemde regels en probeer het opnieuw.',
    en: 'The file contains errors. Nothing was imported; correct the lines listed and try again.',
  },
  attachment_too_large: {
    status: 413,
    nl: 'Dit bestand is te groot om toe te voegen.',
    en: 'This file is too large to attach.',
  },
  attachment_type_not_allowed: {
    status: 415,
    nl: 'Dit soort bestand kan niet worden toegevoegd. Voeg een foto (JPEG, PNG, HEIC, WebP, GIF), PDF, e-mail (.eml), tekstbestand of Word-, Excel- of OpenDocument-document toe.',
    en: 'This kind of file cannot be attached. Attach a photo (JPEG, PNG, HEIC, WebP, GIF), PDF, e-mail (.eml), text file or Word, Excel or OpenDocument document.',
  },
  payload_too_large: { status: 413, nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  request_timeout: {
    status: 408,
    nl: 'Het verzoek duurde te lang. Probeer het opnieuw.',
    en: 'The request took too long. Please try again.',
  },
  uri_too_long: {
    status: 414,
    nl: 'Het adres van het verzoek is te lang.',
    en: 'The address (URI) of the request is too long.',
  },
  request_header_fields_too_large: {
    status: 431,
    nl: 'De kopregels (headers) van het verzoek zijn te groot.',
    en: 'The request header fields are too large.',
  },
  unsupported_media_type: {
    status: 415,
    nl: 'Dit type inhoud wordt niet ondersteund.',
    en: 'This content type is not supported.',
  },
  rate_limited: {
    status: 429,
    nl: 'Te veel verzoeken. Probeer het zo opnieuw.',
    en: 'Too many requests. Please try again shortly.',
  },
  storage_full: {
    status: 507,
    nl: 'De opslag voor bijlagen is vol. Er is niets opgeslagen; probeer het later opnieuw.',
    en: 'The attachment store is full. Nothing was saved; please try again later.',
  },
  internal_error: {
    status: 500,
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  attachment_erased: {
    status: 410,
    nl: 'Dit bestand is verwijderd omdat de bewaartermijn voorbij is of op verzoek van de betrokkene.',
    en: 'This file was deleted because its retention period ended or at the data subject’s request.',
  },
  erasure_blocked: {
    status: 409,
    nl: 'Deze gegevens kunnen nu niet worden gewist; de reden staat erbij.',
    en: 'This data cannot be erased now; the reason is given.',
  },
  organization_suspended: {
    status: 503,
    nl: 'Deze omgeving is tijdelijk niet beschikbaar. Neem contact op met uw woningcorporatie.',
    en: 'This service is temporarily unavailable. Please contact your housing corporation.',
  },
  slug_taken: {
    status: 409,
    nl: 'Er is al een corporatie met deze korte naam.',
    en: 'There is already a corporation with this short name.',
  },
  hostname_taken: {
    status: 409,
    nl: 'Deze hostnaam hoort al bij een andere corporatie.',
    en: 'This host name already belongs to another corporation.',
  },
  platform_link_invalid: {
    status: 404,
    nl: 'Deze link is ongeldig, verlopen of al gebruikt. Vraag een nieuwe aan met npm run org -- admin create.',
    en: 'This link is invalid, expired or already used. Ask for a new one with npm run org -- admin create.',
  },
  service_unavailable: {
    status: 503,
    nl: 'Gehoord is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
    en: 'Gehoord is temporarily unavailable. Please try again in a few seconds.',
  },
} as const satisfies Record<string, { status: number; nl: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export type Locale = 'nl' | 'en';
