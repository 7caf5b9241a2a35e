import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiErrorException } from '../common/api-error.exception';
import type { HallAccessLevel, Principal } from './principal';

/** Where a principal may act: halls by role, region subtrees for the reform office. */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Throws 404 for an unknown hall, 403 when the principal may not act on it at that level. */
  async assertHall(
    principal: Principal,
    hallId: string,
    level: HallAccessLevel,
  ): Promise<void> {
    // a device, manager or clerk acting on its own hall: the hall exists (foreign key) and the
    // role alone decides, so the hot kiosk and window paths skip the lookup
    if (
      (principal.type === 'device' ||
        principal.role === 'hall_manager' ||
        principal.role === 'clerk') &&
      principal.hallId === hallId
    ) {
      if (
        level === 'manage' &&
        (principal.type === 'device' || principal.role === 'clerk')
      ) {
        throw ApiErrorException.forbidden('This hall is outside your scope');
      }
      return;
    }
    const rows: { region_code: string }[] = await this.db.query(
      'SELECT region_code FROM halls WHERE id = $1',
      [hallId],
    );
    if (!rows.length) throw ApiErrorException.notFound('Hall');
    if (
      !(await this.allowsHall(principal, hallId, rows[0].region_code, level))
    ) {
      throw ApiErrorException.forbidden('This hall is outside your scope');
    }
  }

  private async allowsHall(
    p: Principal,
    hallId: string,
    regionCode: string,
    level: HallAccessLevel,
  ): Promise<boolean> {
    if (p.type === 'device') return p.hallId === hallId && level !== 'manage';
    switch (p.role) {
      case 'admin':
        return true;
      case 'hall_manager':
        return p.hallId === hallId;
      case 'clerk':
        return p.hallId === hallId && level !== 'manage';
      case 'reform_office':
        return (
          level === 'read' &&
          !!p.regionCode &&
          (await this.isInSubtree(regionCode, p.regionCode))
        );
    }
  }

  /** True when `code` is `root` or lies below it. */
  async isInSubtree(code: string, root: string): Promise<boolean> {
    if (code === root) return true;
    const rows: unknown[] = await this.db.query(
      `WITH RECURSIVE up AS (
         SELECT code, parent_code FROM regions WHERE code = $1
         UNION ALL
         SELECT r.code, r.parent_code FROM regions r JOIN up ON r.code = up.parent_code
       ) SELECT 1 FROM up WHERE code = $2 LIMIT 1`,
      [code, root],
    );
    return rows.length > 0;
  }

  /** The region codes of a subtree (root included). */
  async subtree(root: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `WITH RECURSIVE sub AS (
         SELECT code FROM regions WHERE code = $1
         UNION ALL
         SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code
       ) SELECT code FROM sub`,
      [root],
    );
    return rows.map((r) => r.code);
  }
}
