import { Queries } from './queries';

/** What the health check asks the database. */
export class HealthQueries extends Queries {
  /** The cheapest round trip: resolves when the database answers, rejects when it does not. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
