import { InitialSchema1764201600000 } from './1764201600000-InitialSchema';
import { HallEvents1764288000000 } from './1764288000000-HallEvents';
import { Rollups1764460800000 } from './1764460800000-Rollups';
import { RegionRollups1764547200000 } from './1764547200000-RegionRollups';
import { IssueTicketFunction1764720000000 } from './1764720000000-IssueTicketFunction';
import { Imports1764806400000 } from './1764806400000-Imports';
import { RollupHallDays1764892800000 } from './1764892800000-RollupHallDays';
import { FrontOfHall1764979200000 } from './1764979200000-FrontOfHall';
import { RegionSubtree1765065600000 } from './1765065600000-RegionSubtree';
import { OneNumberingOneEventPath1765152000000 } from './1765152000000-OneNumberingOneEventPath';
import { WaitMinuteCounts1765238400000 } from './1765238400000-WaitMinuteCounts';
import { RollupRulesAsParameters1765324800000 } from './1765324800000-RollupRulesAsParameters';
import { GreenChannel1765411200000 } from './1765411200000-GreenChannel';
import { Abandonment1765497600000 } from './1765497600000-Abandonment';
import { SpecialistCategories1765584000000 } from './1765584000000-SpecialistCategories';
import { PlaceFollowsGreenChannel1765670400000 } from './1765670400000-PlaceFollowsGreenChannel';
import { CallNextFunction1765756800000 } from './1765756800000-CallNextFunction';
import { ChangeTicketFunction1765843200000 } from './1765843200000-ChangeTicketFunction';

/** Every migration, in order. The data source and the CLI both read this list. */
export const MIGRATIONS = [
  InitialSchema1764201600000,
  HallEvents1764288000000,
  Rollups1764460800000,
  RegionRollups1764547200000,
  IssueTicketFunction1764720000000,
  Imports1764806400000,
  RollupHallDays1764892800000,
  FrontOfHall1764979200000,
  RegionSubtree1765065600000,
  OneNumberingOneEventPath1765152000000,
  WaitMinuteCounts1765238400000,
  RollupRulesAsParameters1765324800000,
  GreenChannel1765411200000,
  Abandonment1765497600000,
  SpecialistCategories1765584000000,
  PlaceFollowsGreenChannel1765670400000,
  CallNextFunction1765756800000,
  ChangeTicketFunction1765843200000,
];
