import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CategoryView,
  HallView,
  ListResponse,
  RegionView,
  ServiceItemView,
} from '@onewindow/contracts';
import {
  CategoryEntity,
  HallEntity,
  RegionEntity,
  ServiceItemEntity,
} from '@onewindow/persistence';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { CreateHallDto } from './dto/create-hall.dto';
import type { ListHallsQuery } from './dto/list-halls.query';
import type { ListRegionsQuery } from './dto/list-regions.query';
import type { SearchItemsQuery } from './dto/search-items.query';
import { rankItems } from './service-item-search';

@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async listRegions(q: ListRegionsQuery): Promise<ListResponse<RegionView>> {
    const [rows, total] = await this.db
      .getRepository(RegionEntity)
      .findAndCount({
        where: { parentCode: q.parent ?? IsNull() },
        order: { code: 'ASC' },
        take: q.limit,
        skip: q.offset,
      });
    return { items: rows.map(toRegionView), total };
  }

  async getRegion(code: string): Promise<RegionView> {
    const row = await this.db
      .getRepository(RegionEntity)
      .findOne({ where: { code } });
    if (!row) throw DomainError.notFound('Region');
    return toRegionView(row);
  }

  /** Halls of a region subtree, limited to what the caller may see. */
  async listHalls(
    p: Principal,
    q: ListHallsQuery,
  ): Promise<ListResponse<HallView>> {
    const repo = this.db.getRepository(HallEntity);
    if (
      q.region &&
      !(await this.db
        .getRepository(RegionEntity)
        .exists({ where: { code: q.region } }))
    ) {
      throw DomainError.notFound('Region');
    }
    if (
      p.type === 'device' ||
      p.role === 'hall_manager' ||
      p.role === 'clerk'
    ) {
      const hall = await repo.findOne({ where: { id: p.hallId ?? '' } });
      const inRegion =
        hall &&
        (!q.region ||
          (await this.scope.isInSubtree(hall.regionCode, q.region)));
      const items = hall && inRegion ? [hall] : [];
      return {
        items: items.slice(q.offset, q.offset + q.limit).map(toHallView),
        total: items.length,
      };
    }
    let root = q.region;
    if (p.role === 'reform_office') {
      const own = p.regionCode ?? '';
      if (!root) root = own;
      else if (!(await this.scope.isInSubtree(root, own))) {
        throw DomainError.forbidden('This region is outside your scope');
      }
    }
    const where = root
      ? { regionCode: In(await this.scope.subtree(root)) }
      : {};
    const [rows, total] = await repo.findAndCount({
      where,
      order: { regionCode: 'ASC', name: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return { items: rows.map(toHallView), total };
  }

  async getHall(id: string): Promise<HallView> {
    const row = await this.db
      .getRepository(HallEntity)
      .findOne({ where: { id } });
    if (!row) throw DomainError.notFound('Hall');
    return toHallView(row);
  }

  async createHall(actor: Actor, dto: CreateHallDto): Promise<HallView> {
    if (
      !(await this.db
        .getRepository(RegionEntity)
        .exists({ where: { code: dto.regionCode } }))
    ) {
      throw DomainError.invalid('Unknown region', [
        { field: 'regionCode', problems: ['no such region'] },
      ]);
    }
    return this.db.transaction(async (m) => {
      const hall = m.create(HallEntity, {
        name: dto.name,
        regionCode: dto.regionCode,
        kind: dto.kind,
        timezone: dto.timezone ?? 'Asia/Shanghai',
      });
      const saved = await m.save(hall);
      const view = toHallView(saved);
      await this.audit.record(m, actor, {
        action: 'hall.create',
        entityType: 'hall',
        entityId: saved.id,
        hallId: saved.id,
        regionCode: saved.regionCode,
        after: view,
      });
      return view;
    });
  }

  async listCategories(): Promise<CategoryView[]> {
    const rows = await this.db
      .getRepository(CategoryEntity)
      .find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map((c) => ({
      code: c.code,
      name: c.name,
      ticketPrefix: c.ticketPrefix,
      specialist: c.specialist,
    }));
  }

  /** The kiosk search: every item of the catalog (optionally one category), ranked for `q`. */
  async searchItems(
    q: SearchItemsQuery,
  ): Promise<ListResponse<ServiceItemView>> {
    if (
      q.category &&
      !(await this.db
        .getRepository(CategoryEntity)
        .exists({ where: { code: q.category } }))
    ) {
      throw DomainError.invalid('Unknown category', [
        { field: 'category', problems: ['no such category'] },
      ]);
    }
    const [items, categories] = await Promise.all([
      this.db.getRepository(ServiceItemEntity).find({
        where: q.category ? { categoryCode: q.category } : {},
        order: { code: 'ASC' },
      }),
      this.db.getRepository(CategoryEntity).find(),
    ]);
    const categoryName = new Map(categories.map((c) => [c.code, c.name]));
    const ranked = q.q?.trim()
      ? rankItems(items, q.q, items.length)
      : items.map((item) => ({ item, score: 1 }));
    return {
      items: ranked
        .slice(q.offset, q.offset + q.limit)
        .map(({ item, score }) => ({
          code: item.code,
          name: item.name,
          category: {
            code: item.categoryCode,
            name: categoryName.get(item.categoryCode) ?? item.categoryCode,
          },
          aliases: item.aliases,
          onlineAvailable: item.onlineAvailable,
          score,
        })),
      total: ranked.length,
    };
  }
}

export function toRegionView(r: RegionEntity): RegionView {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode ?? null,
  };
}

export function toHallView(h: HallEntity): HallView {
  return {
    id: h.id,
    name: h.name,
    regionCode: h.regionCode,
    kind: h.kind,
    timezone: h.timezone,
    openingHours: h.openingHours,
  };
}
