import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, RegionView } from '@onewindow/contracts';
import { DirectoryService } from './directory.service';
import { ListRegionsQuery } from './dto/list-regions.query';
import { RegionCodePipe } from './region-code.pipe';

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({
    summary: 'Regions below a parent (top level when no parent)',
  })
  list(@Query() q: ListRegionsQuery): Promise<ListResponse<RegionView>> {
    return this.directory.listRegions(q);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One region' })
  get(@Param('code', RegionCodePipe) code: string): Promise<RegionView> {
    return this.directory.getRegion(code);
  }
}
