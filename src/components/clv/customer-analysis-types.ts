/** What the worker's store throws when a request without a summary names a model it does not have (any more). */
export const MISSING_MODEL = 'missing customer model';
