/** The role every request runs as. It owns nothing, so PostgreSQL's row-level security applies to it. */
export const APP_ROLE = 'gehoord_app';
/** Per-transaction setting that row-level security policies compare organization_id with. */
export const ORGANIZATION_SETTING = 'gehoord.organization_id';
/** The platform administrator's role (migration 086, decision 047): organisations yes, complaint data no. */
export const PLATFORM_ROLE = 'gehoord_platform';
