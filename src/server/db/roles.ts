/** The role every request runs as. It owns nothing, so PostgreSQL's row-level security applies to it. */
export const APP_ROLE = 'gehoord_app';
/** Per-transaction setting that row-level security policies compare organization_id with. */
export const ORGANIZATION_SETTING = 'gehoord.organization_id';
