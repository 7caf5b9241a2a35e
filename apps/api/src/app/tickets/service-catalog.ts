import { Injectable } from '@nestjs/common';
import { TicketQueries, type IssuableItemRow } from '@onewindow/persistence';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../common/domain-error';

/** How long the catalog is reused. */
const CATALOG_TTL_MS = 60_000;

/** The province-wide catalog of service items as tickets are issued for them (read once a minute). */
@Injectable()
export class ServiceCatalog {
  private readonly cache = new LRUCache<string, Map<string, IssuableItemRow>>({
    max: 1,
    ttl: CATALOG_TTL_MS,
  });

  constructor(private readonly tickets: TicketQueries) {}

  /** The item of a code; 400 naming `field` when there is none. */
  async item(code: string, field: string): Promise<IssuableItemRow> {
    let item = (await this.all()).get(code);
    if (!item) {
      // perhaps added since the catalog was read
      this.cache.clear();
      item = (await this.all()).get(code);
    }
    if (!item)
      throw DomainError.invalid('Unknown service item', [
        { field, problems: [`no service item ${code}`] },
      ]);
    return item;
  }

  /** Every item by code (a hundred-odd rows). */
  async all(): Promise<Map<string, IssuableItemRow>> {
    const hit = this.cache.get('all');
    if (hit) return hit;
    const rows = await this.tickets.issuableItems();
    const map = new Map(rows.map((r) => [r.code, r]));
    this.cache.set('all', map);
    return map;
  }
}
