import { ApiProperty } from '@nestjs/swagger';
import {
  QUEUE_RULE_LIMITS,
  type SetQueueRulesRequest,
} from '@onewindow/contracts';
import { IsInt, Max, Min } from 'class-validator';

const CAP = QUEUE_RULE_LIMITS.priorityStreakCap;
const WAIT = QUEUE_RULE_LIMITS.normalMaxWaitMinutes;

/**
 * The hall's queue rules, both required: whole numbers, priorityStreakCap 1–20 (priority calls in
 * a row before a window's oldest normal ticket), normalMaxWaitMinutes 5–480 (the wait after which a
 * normal ticket goes before priority ones).
 */
export class SetQueueRulesDto implements SetQueueRulesRequest {
  @ApiProperty({
    type: 'integer',
    minimum: CAP.min,
    maximum: CAP.max,
    example: 3,
    description:
      "After this many priority calls in a row at a window, the window's oldest normal ticket goes next",
  })
  @IsInt({
    message: `priorityStreakCap must be a whole number from ${CAP.min} to ${CAP.max}`,
  })
  @Min(CAP.min, { message: `priorityStreakCap must be at least ${CAP.min}` })
  @Max(CAP.max, { message: `priorityStreakCap must be at most ${CAP.max}` })
  priorityStreakCap!: number;

  @ApiProperty({
    type: 'integer',
    minimum: WAIT.min,
    maximum: WAIT.max,
    example: 45,
    description:
      'A normal ticket that has waited this many minutes is called before any priority ticket',
  })
  @IsInt({
    message: `normalMaxWaitMinutes must be a whole number of minutes from ${WAIT.min} to ${WAIT.max}`,
  })
  @Min(WAIT.min, {
    message: `normalMaxWaitMinutes must be at least ${WAIT.min} minutes`,
  })
  @Max(WAIT.max, {
    message: `normalMaxWaitMinutes must be at most ${WAIT.max} minutes`,
  })
  normalMaxWaitMinutes!: number;
}
