import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { DirectoryService } from './directory.service';
import { HallsController } from './halls.controller';
import { RegionsController } from './regions.controller';

@Module({
  controllers: [RegionsController, HallsController, CatalogController],
  providers: [DirectoryService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
