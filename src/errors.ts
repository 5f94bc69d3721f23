/**
 * Failures a clerk can act on that are not about the report itself (a broken template, an output
 * that would overwrite the input): printed as they are, exit 1, nothing written. Kept apart from
 * the modules that throw them so the CLI can recognise them without loading those modules.
 */
export class UserFacingError extends Error {}

export class TemplateError extends UserFacingError {}

export class OutputRefused extends UserFacingError {}

/** Wrong use of a command (unknown option, missing file): exit code 2 and the usage text. */
export class UsageError extends Error {}
