import { Queries } from './queries';

/** User accounts as sign-in reads them. */
export class AccountQueries extends Queries {}
