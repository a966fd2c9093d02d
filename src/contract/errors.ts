/**
 * Every error code the API returns, with its HTTP status and its message in Dutch and English.
 * Shared by server and web: the web app shows `messages[locale]` for a code it receives.
 */
export const errorCatalog = {
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
  conflict: {
    status: 409,
    nl: 'Dit is intussen door iemand anders gewijzigd.',
    en: 'Someone else changed this in the meantime.',
  },
  payload_too_large: { status: 413, nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
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
  internal_error: {
    status: 500,
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Please try again later.',
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
