import { InitialSchema1764201600000 } from './1764201600000-InitialSchema';
import { HallEvents1764288000000 } from './1764288000000-HallEvents';

/** Every migration, in order. The data source and the CLI both read this list. */
export const MIGRATIONS = [InitialSchema1764201600000, HallEvents1764288000000];
