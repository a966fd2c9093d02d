/** Refusals of the integration endpoints. */
export const integrationProblemCatalog = {
  webhook_url_not_allowed: {
    status: 422,
    nl: 'Dit adres mag niet: het wijst naar een intern, lokaal of onbereikbaar netwerkadres. Sta privé-netwerken uitdrukkelijk toe als dit de bedoeling is.',
    en: 'This address is not allowed: it points to an internal, local or unreachable network address. Explicitly allow private networks if this is intended.',
  },
} as const;
