import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportSummary,
  type ImportView,
  type ListResponse,
  type Role,
} from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ListImportsQuery } from './dto/list-imports.query';
import { UploadImportQuery } from './dto/upload-import.query';
import { ImportKindPipe } from './import-kind.pipe';
import { ImportsService } from './imports.service';
import {
  IMPORT_EXAMPLE,
  IMPORT_LIST_EXAMPLE,
  IMPORT_QUEUED_EXAMPLE,
  TICKETS_CSV_EXAMPLE,
} from './openapi-examples';

/** Imports write a hall's facts: its manager, or an admin. */
const MANAGERS: Role[] = ['admin', 'hall_manager'];

@ApiTags('Imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('halls/:hallId/imports/:kind')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access({ roles: MANAGERS, hall: { param: 'hallId', level: 'manage' } })
  @ApiOperation({
    summary:
      'Upload a CSV file to import (hall manager): ticket log, daily handling records or consultations',
    description:
      'The file is the request body (Content-Type: text/csv, UTF-8; or charset=gb18030 for GBK files; at most 20 MiB). ' +
      'Its header row is checked at once (400 naming the missing columns); the rows are read by the worker: poll GET /imports/{id}. ' +
      '202: a new import, queued. 200: the same file was uploaded before for this hall and kind; its import is answered and nothing is imported again. ' +
      'Formats: docs/imports.md.',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: TICKETS_CSV_EXAMPLE },
    description: 'the CSV file',
  })
  @ApiAcceptedResponse({
    description: 'Queued',
    schema: { example: IMPORT_QUEUED_EXAMPLE },
  })
  @ApiOkResponse({
    description: 'The same file was uploaded before: its import',
    schema: { example: IMPORT_EXAMPLE },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Param('kind', ImportKindPipe) kind: ImportKind,
    @Query() q: UploadImportQuery,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportView> {
    const result = await this.imports.upload(
      actor,
      hallId,
      kind,
      body,
      q.fileName ?? null,
    );
    if (!result.queued) void reply.status(HttpStatus.OK);
    return result.view;
  }

  @Get('halls/:hallId/imports')
  @Access({ roles: MANAGERS, hall: { param: 'hallId', level: 'manage' } })
  @ApiOperation({ summary: "A hall's imports, newest first (hall manager)" })
  @ApiOkResponse({ schema: { example: IMPORT_LIST_EXAMPLE } })
  list(
    @Param('hallId') hallId: string,
    @Query() q: ListImportsQuery,
  ): Promise<ListResponse<ImportSummary>> {
    return this.imports.list(hallId, q);
  }

  @Get('imports/:id')
  @Access({ roles: MANAGERS })
  @ApiOperation({
    summary:
      "An import's state, progress, counts and rejected rows with line numbers (its hall's manager, admins)",
  })
  @ApiOkResponse({ schema: { example: IMPORT_EXAMPLE } })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<ImportView> {
    return this.imports.get(p, id);
  }
}
