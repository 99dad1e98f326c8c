import type { CheckRegistration } from '../remit-module.js';

/** The authority analysis' checks, registered after the core ones. */
export const AUTHORITY_CHECKS: CheckRegistration[] = [];
