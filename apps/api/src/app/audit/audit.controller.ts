import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuditEntryView, ListResponse } from '@onewindow/contracts';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { assertSpan } from '../common/service-date';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      'Configuration changes: who, when, what, before and after (hall manager: own hall; admin: all)',
  })
  @ApiOkResponse({
    description: 'Newest first',
    schema: {
      example: {
        items: [
          {
            id: '1042',
            at: '2020-06-30T09:12:44.512Z',
            actor: { id: 'c2b7…', name: 'yiwu-manager' },
            action: 'window.retire',
            entityType: 'window',
            entityId: '9d0e…',
            hallId: '22222222-2222-4222-8222-222222222222',
            regionCode: null,
            before: { label: 'B07', mode: 'department', state: 'closed' },
            after: { label: 'B07', mode: 'department', state: 'retired' },
            requestId: '4fe1acc0-bebd-4b82-9833-8bd746f4008d',
          },
        ],
        total: 1,
      },
    },
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: AuditQueryDto,
  ): Promise<ListResponse<AuditEntryView>> {
    if (q.from && q.to) assertSpan(q.from, q.to);
    let hallId = q.hallId ?? null;
    if (principal.type === 'user' && principal.role === 'hall_manager') {
      hallId ??= principal.hallId;
      if (hallId !== principal.hallId)
        throw DomainError.forbidden(
          'A hall manager reads the audit log of its own hall only',
        );
    }
    return this.audit.list({
      hallId,
      from: q.from,
      to: q.to,
      entityType: q.entityType,
      limit: q.limit,
      offset: q.offset,
    });
  }
}
