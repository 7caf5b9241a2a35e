import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  HallSpecialistCategories,
  SpecialistSource,
} from '@onewindow/contracts';
import { CatalogQueries } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';

/** What the audit log keeps of a hall's specialist categories: where they come from, which. */
interface SpecialistsAudit {
  source: SpecialistSource;
  codes: string[];
}

/**
 * Specialist categories of a hall: the catalog's flags (categories.specialist) unless the hall
 * has its own list (halls.specialist_categories), which its manager or an admin sets or resets.
 */
@Injectable()
export class SpecialistCategoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogQueries,
    private readonly audit: AuditService,
  ) {}

  /** Every catalog category, in catalog order, with its effective flag in the hall. */
  get(hallId: string): Promise<HallSpecialistCategories> {
    return this.view(this.catalog, hallId);
  }

  /**
   * `codes`: exactly these categories are specialist in the hall (deduplicated, stored in catalog
   * order); null: the hall follows the catalog again. 400 naming the unknown codes (nothing
   * changes) and for more codes than the catalog has categories. Audited.
   */
  async set(
    actor: Actor,
    hallId: string,
    codes: string[] | null,
  ): Promise<HallSpecialistCategories> {
    return this.db.transaction(async (m) => {
      const q = this.catalog.on(m);
      const own = await q.specialistOverride(hallId, true);
      if (own === undefined) throw DomainError.notFound('Hall');
      const stored =
        codes === null ? null : checkCodes(codes, await q.catalogCodes());
      const before = await this.view(q, hallId);
      await q.setSpecialistCategories(hallId, stored);
      const after = await this.view(q, hallId);
      await this.audit.record(m, actor, {
        action: 'hall.specialist_categories',
        entityType: 'hall',
        entityId: hallId,
        hallId,
        before: toAudit(before),
        after: toAudit(after),
      });
      return after;
    });
  }

  private async view(
    q: CatalogQueries,
    hallId: string,
  ): Promise<HallSpecialistCategories> {
    const own = await q.specialistOverride(hallId);
    if (own === undefined) throw DomainError.notFound('Hall');
    const rows = await q.hallCategories(hallId);
    return {
      hallId,
      source: own === null ? 'catalog' : 'hall',
      categories: rows.map((r) => ({
        code: r.code,
        name: r.name,
        specialist: r.specialist,
      })),
    };
  }
}

/**
 * The hall's list as stored: the requested codes deduplicated, in catalog order. Throws 400 for
 * more codes than the catalog has categories, or for codes that are no catalog category.
 */
export function checkCodes(codes: string[], catalog: string[]): string[] {
  if (codes.length > catalog.length) {
    throw DomainError.invalid('Too many category codes', [
      {
        field: 'codes',
        problems: [
          `must list at most ${catalog.length} codes (the catalog's categories)`,
        ],
      },
    ]);
  }
  const wanted = new Set(codes);
  const known = new Set(catalog);
  const unknown = [...wanted].filter((c) => !known.has(c));
  if (unknown.length) {
    throw DomainError.invalid('Unknown categories', [
      { field: 'codes', problems: [`unknown: ${unknown.join(', ')}`] },
    ]);
  }
  return catalog.filter((c) => wanted.has(c));
}

function toAudit(v: HallSpecialistCategories): SpecialistsAudit {
  return {
    source: v.source,
    codes: v.categories.filter((c) => c.specialist).map((c) => c.code),
  };
}
