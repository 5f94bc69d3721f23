import { UserFacingError } from '../errors.js';

/** An input that is not a report the import can read (a list page, a scanned PDF, …): said in Chinese, no file written. */
export class ImportRefusal extends UserFacingError {}
