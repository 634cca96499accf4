/**
 * Limits of what the apprentice writes (the database checks the feedback comment too).
 *
 * A module of their own, importing nothing: the apprentice's and staff's forms use them in the
 * browser, and importing them from ./me-progress made those pages load two chunks of that
 * module's imports that they do not run (docs/decisions/0046). Import them from here only.
 */
export const FEEDBACK_COMMENT_MAX = 1000;
export const PLAN_TEXT_MAX = 2000;
export const PLAN_COMMENT_MAX = 1000;
