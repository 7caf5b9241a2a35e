import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  validateErlangARequest,
  validateErlangCRequest,
  validateMinimumWindowsRequest,
  validateReplayRequest,
  validateSimulateRequest,
  type ErlangAAnswer,
  type ErlangARequest,
  type ErlangCAnswer,
  type ErlangCRequest,
  type ReplayResult,
  type SimulateResult,
} from '@onewindow/queueing';
import { Access } from '../auth/access.decorator';
import { assertPlanningInput, assertSynchronousSize } from './planning-input';
import { PlanningPool } from './planning-pool';
import type {
  MinimumWindowsAnswer,
  MinimumWindowsBody,
  ReplayBody,
  SimulateBody,
} from './planning-tasks';
import {
  ERLANG_A_ANSWER_EXAMPLE,
  ERLANG_A_REQUEST_EXAMPLE,
  ERLANG_C_ANSWER_EXAMPLE,
  ERLANG_C_REQUEST_EXAMPLE,
  MINIMUM_WINDOWS_REQUEST_EXAMPLE,
  MINIMUM_WINDOWS_RESULT_EXAMPLE,
  REPLAY_REQUEST_EXAMPLE,
  REPLAY_RESULT_EXAMPLE,
  SIMULATE_REQUEST_EXAMPLE,
  SIMULATE_RESULT_EXAMPLE,
} from './planning.examples';

/** People who plan: hall managers, the reform office and admins (the maths reads no hall's data). */
export const PLANNERS = ['admin', 'reform_office', 'hall_manager'] as const;

/** Largest replay body: MAX_REPLAY_CUSTOMERS customers of ~70 bytes each. */
export const REPLAY_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * The planner's instant answers (api-contract.md, "Planning"). Bodies are checked by the queueing
 * library's validators (each message names its field → the contract's 400 details); simulations
 * larger than MAX_SYNC_CUSTOMER_REPLICATIONS customer-replications answer 413 and belong in a plan.
 * The answers are computed on the planning threads (PlanningPool), never on the request loop; when
 * they are all busy and their queue is full, 429 with Retry-After.
 */
@ApiTags('Planning')
@ApiBearerAuth()
@ApiTooManyRequestsResponse({
  description:
    'Every planning thread busy and their queue full: retry after Retry-After seconds',
})
@Controller('planning')
export class PlanningController {
  constructor(private readonly pool: PlanningPool) {}

  @Post('erlang-c')
  @HttpCode(200)
  @Access({ roles: [...PLANNERS] })
  @ApiOperation({
    summary:
      'Exact Erlang C (M/M/c): windows needed for the target share within the target wait, and the figures at `windows` when given',
  })
  @ApiBody({ schema: { type: 'object', example: ERLANG_C_REQUEST_EXAMPLE } })
  @ApiOkResponse({ schema: { example: ERLANG_C_ANSWER_EXAMPLE } })
  erlangC(@Body() body: unknown): Promise<ErlangCAnswer> {
    assertPlanningInput(validateErlangCRequest(body));
    return this.pool.run({ kind: 'erlang-c', body: body as ErlangCRequest });
  }

  @Post('erlang-a')
  @HttpCode(200)
  @Access({ roles: [...PLANNERS] })
  @ApiOperation({
    summary:
      'Exact Erlang A (M/M/c+M, people who give up while waiting): windows needed for the target share called within the target wait (people who give up are misses), and the figures at `windows` when given',
  })
  @ApiBody({ schema: { type: 'object', example: ERLANG_A_REQUEST_EXAMPLE } })
  @ApiOkResponse({ schema: { example: ERLANG_A_ANSWER_EXAMPLE } })
  erlangA(@Body() body: unknown): Promise<ErlangAAnswer> {
    assertPlanningInput(validateErlangARequest(body));
    return this.pool.run({ kind: 'erlang-a', body: body as ErlangARequest });
  }

  @Post('simulate')
  @HttpCode(200)
  @Access({ roles: [...PLANNERS] })
  @ApiOperation({
    summary:
      'Simulates a day of the scenario under a layout: replications with 95% confidence intervals, seeded and reproducible. A category with `patience` has people who leave when it runs out before a window calls them: `abandonedShare`, and `shareWithinTarget` counts them as misses (docs/figures.md)',
  })
  @ApiBody({ schema: { type: 'object', example: SIMULATE_REQUEST_EXAMPLE } })
  @ApiOkResponse({ schema: { example: SIMULATE_RESULT_EXAMPLE } })
  @ApiPayloadTooLargeResponse({
    description:
      'arrivalsPerDay × replications above the synchronous limit: use a plan',
  })
  simulate(@Body() body: unknown): Promise<SimulateResult> {
    assertPlanningInput(validateSimulateRequest(body, { synchronous: false }));
    const b = body as SimulateBody;
    assertSynchronousSize(b.scenario.arrivalsPerDay, b.replications);
    return this.pool.run({ kind: 'simulate', body: b });
  }

  @Post('minimum-windows')
  @HttpCode(200)
  @Access({ roles: [...PLANNERS] })
  @ApiOperation({
    summary:
      'The fewest fixed windows whose replication-mean share within target meets the target, over the day or in every interval (department: per category)',
  })
  @ApiBody({
    schema: { type: 'object', example: MINIMUM_WINDOWS_REQUEST_EXAMPLE },
  })
  @ApiOkResponse({ schema: { example: MINIMUM_WINDOWS_RESULT_EXAMPLE } })
  @ApiPayloadTooLargeResponse({
    description:
      'arrivalsPerDay × replications above the synchronous limit: use a plan',
  })
  minimumWindows(@Body() body: unknown): Promise<MinimumWindowsAnswer> {
    assertPlanningInput(
      validateMinimumWindowsRequest(body, { synchronous: false }),
    );
    const b = body as MinimumWindowsBody;
    assertSynchronousSize(b.scenario.arrivalsPerDay, b.replications);
    return this.pool.run({ kind: 'minimum-windows', body: b });
  }

  @Post('replay')
  @HttpCode(200)
  @RouteConfig({ bodyLimit: REPLAY_BODY_LIMIT_BYTES })
  @Access({ roles: [...PLANNERS] })
  @ApiOperation({
    summary:
      "Replays given customers (e.g. a hall's own ticket log) against a layout: deterministic start times and waits. `intervals` (the grid of per-interval window counts) is needed only for perInterval layouts. A customer with `patienceMinutes` leaves when no window is free for it in time: `{startMinute: null, waitMinutes: <its patience>, abandoned: true}`",
  })
  @ApiBody({ schema: { type: 'object', example: REPLAY_REQUEST_EXAMPLE } })
  @ApiOkResponse({ schema: { example: REPLAY_RESULT_EXAMPLE } })
  replay(@Body() body: unknown): Promise<ReplayResult> {
    assertPlanningInput(validateReplayRequest(body));
    return this.pool.run({ kind: 'replay', body: body as ReplayBody });
  }
}
