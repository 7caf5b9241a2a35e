import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@onewindow/contracts';
import type { ListResponse, RegionView } from '@onewindow/contracts';
import { Access } from '../auth/access.decorator';
import { DirectoryService } from './directory.service';
import { ListRegionsQuery } from './dto/list-regions.query';
import { RegionCodePipe } from './region-code.pipe';

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @Access({ roles: [...ROLES] })
  @ApiOperation({
    summary: 'Regions below a parent (top level when no parent)',
  })
  list(@Query() q: ListRegionsQuery): Promise<ListResponse<RegionView>> {
    return this.directory.listRegions(q);
  }

  @Get(':code')
  @Access({ roles: [...ROLES] })
  @ApiOperation({ summary: 'One region' })
  get(@Param('code', RegionCodePipe) code: string): Promise<RegionView> {
    return this.directory.getRegion(code);
  }
}
