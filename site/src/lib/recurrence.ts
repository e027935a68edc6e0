// One implementation for the site and the CMS (which checks sign-ups against the same dates).
export * from '../../../cms/src/shared/recurrence';
