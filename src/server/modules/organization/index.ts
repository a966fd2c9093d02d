// The public face of the organization module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export {
  forgetOrganizationHosts,
  getPublicOrganization,
  isOrganizationSuspended,
  resolveOrganizationForHost,
} from './organization.service.ts';
