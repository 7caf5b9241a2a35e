import { CatalogQueries } from '@onewindow/persistence';
import { expectErrorBody, FIX, startHarness, type Harness } from './harness';

interface SpecialistsBody {
  hallId: string;
  source: 'catalog' | 'hall';
  categories: { code: string; name: string; specialist: boolean }[];
}

describe('Specialist categories: catalog flag and hall override (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('specialists');
    // the catalog marks one fixture category specialist
    await h.sql(
      `UPDATE categories SET specialist = true WHERE code = 'market_regulation'`,
    );
  });
  afterAll(() => h?.close());

  const as = async (username: string) => ({
    Authorization: `Bearer ${await h.token(username)}`,
  });
  const path = (hallId: string) =>
    `/api/v1/halls/${hallId}/specialist-categories`;
  const read = async (hallId: string, username = 'fuyang-manager') =>
    (
      await h
        .http()
        .get(path(hallId))
        .set(await as(username))
        .expect(200)
    ).body as SpecialistsBody;
  const specialists = (b: SpecialistsBody) =>
    b.categories.filter((c) => c.specialist).map((c) => c.code);
  const stored = async (hallId: string) =>
    (
      await h.sql<{ codes: string[] | null }>(
        `SELECT specialist_categories AS codes FROM halls WHERE id = $1`,
        [hallId],
      )
    )[0].codes;
  /** What the planner reads: CatalogQueries.specialistCategories. */
  const effective = (hallId: string) =>
    h.app.get(CatalogQueries).specialistCategories(hallId);
  const auditRows = async () =>
    (
      await h.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'hall.specialist_categories'`,
      )
    )[0].n;

  it('lists the catalog flag with the categories', async () => {
    const res = await h
      .http()
      .get('/api/v1/categories')
      .set(await as('fuyang-clerk'))
      .expect(200);
    expect(res.body).toEqual([
      {
        code: 'social_security',
        name: '社会保障',
        ticketPrefix: 'A',
        specialist: false,
      },
      {
        code: 'medical_insurance',
        name: '医疗保障',
        ticketPrefix: 'B',
        specialist: false,
      },
      {
        code: 'market_regulation',
        name: '市场监管',
        ticketPrefix: 'C',
        specialist: true,
      },
    ]);
  });

  it("follows the catalog's flags in a hall without a list of its own, in catalog order", async () => {
    expect(await read(FIX.fuyang)).toEqual({
      hallId: FIX.fuyang,
      source: 'catalog',
      categories: [
        { code: 'social_security', name: '社会保障', specialist: false },
        { code: 'medical_insurance', name: '医疗保障', specialist: false },
        { code: 'market_regulation', name: '市场监管', specialist: true },
      ],
    });
    expect(await stored(FIX.fuyang)).toBeNull();
    expect(await effective(FIX.fuyang)).toEqual(['market_regulation']);
  });

  it("sets the hall's own list (deduplicated), which replaces the catalog's flags there only, and audits it", async () => {
    const audited = await auditRows();
    const res = await h
      .http()
      .put(path(FIX.fuyang))
      .set(await as('fuyang-manager'))
      .send({
        codes: ['medical_insurance', 'social_security', 'medical_insurance'],
      })
      .expect(200);
    const body = res.body as SpecialistsBody;
    expect(body.hallId).toBe(FIX.fuyang);
    expect(body.source).toBe('hall');
    // catalog order; market_regulation is no longer specialist in this hall
    expect(body.categories.map((c) => c.code)).toEqual([
      'social_security',
      'medical_insurance',
      'market_regulation',
    ]);
    expect(specialists(body)).toEqual(['social_security', 'medical_insurance']);
    expect(await read(FIX.fuyang)).toEqual(body);
    expect(await stored(FIX.fuyang)).toEqual([
      'social_security',
      'medical_insurance',
    ]);
    expect(await effective(FIX.fuyang)).toEqual([
      'social_security',
      'medical_insurance',
    ]);
    expect(await effective(FIX.yiwu)).toEqual(['market_regulation']);
    // another hall still follows the catalog
    const yiwu = await read(FIX.yiwu, 'admin');
    expect(yiwu.source).toBe('catalog');
    expect(specialists(yiwu)).toEqual(['market_regulation']);

    expect(await auditRows()).toBe(audited + 1);
    const audit = await h
      .http()
      .get('/api/v1/audit')
      .query({ entityType: 'hall' })
      .set(await as('fuyang-manager'))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'hall.specialist_categories',
      actor: { name: 'fuyang-manager' },
      entityId: FIX.fuyang,
      hallId: FIX.fuyang,
      before: { source: 'catalog', codes: ['market_regulation'] },
      after: {
        source: 'hall',
        codes: ['social_security', 'medical_insurance'],
      },
    });
  });

  it('an empty list makes no category specialist in the hall, whatever the catalog says', async () => {
    const res = await h
      .http()
      .put(path(FIX.fuyang))
      .set(await as('admin'))
      .send({ codes: [] })
      .expect(200);
    expect(res.body.source).toBe('hall');
    expect(specialists(res.body)).toEqual([]);
    expect(await stored(FIX.fuyang)).toEqual([]);
    expect(await effective(FIX.fuyang)).toEqual([]);
  });

  it('null resets the hall to the catalog', async () => {
    await h
      .http()
      .put(path(FIX.fuyang))
      .set(await as('fuyang-manager'))
      .send({ codes: ['social_security'] })
      .expect(200);
    const res = await h
      .http()
      .put(path(FIX.fuyang))
      .set(await as('fuyang-manager'))
      .send({ codes: null })
      .expect(200);
    expect(res.body.source).toBe('catalog');
    expect(specialists(res.body)).toEqual(['market_regulation']);
    expect(await stored(FIX.fuyang)).toBeNull();
    expect((await read(FIX.fuyang)).source).toBe('catalog');
    expect(await effective(FIX.fuyang)).toEqual(['market_regulation']);
  });

  it('refuses unknown codes with 400 naming the field and the codes, and changes nothing', async () => {
    await h
      .http()
      .put(path(FIX.fuyang))
      .set(await as('fuyang-manager'))
      .send({ codes: ['social_security'] })
      .expect(200);
    const before = await read(FIX.fuyang);
    const audited = await auditRows();
    const res = await h
      .http()
      .put(path(FIX.fuyang))
      .set(await as('fuyang-manager'))
      .send({ codes: ['medical_insurance', 'no_such_category', 'tax'] })
      .expect(400);
    expectErrorBody(res.body, 400);
    expect(res.body.details).toEqual([
      { field: 'codes', problems: [expect.any(String)] },
    ]);
    expect(res.body.details[0].problems[0]).toContain('no_such_category');
    expect(res.body.details[0].problems[0]).toContain('tax');
    expect(res.body.details[0].problems[0]).not.toContain('medical_insurance');
    expect(await read(FIX.fuyang)).toEqual(before);
    expect(await stored(FIX.fuyang)).toEqual(['social_security']);
    expect(await auditRows()).toBe(audited);
  });

  it('refuses malformed bodies with 400: non-strings, more codes than the catalog, no codes field, other fields', async () => {
    const before = await stored(FIX.fuyang);
    for (const body of [
      { codes: [1, 2] },
      { codes: 'social_security' },
      {
        codes: [
          'social_security',
          'medical_insurance',
          'market_regulation',
          'social_security',
        ],
      },
      {},
      { codes: null, extra: true },
    ]) {
      const res = await h
        .http()
        .put(path(FIX.fuyang))
        .set(await as('fuyang-manager'))
        .send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expectErrorBody(res.body, 400);
      if ('codes' in body && body.codes !== null)
        expect(res.body.details).toEqual([
          expect.objectContaining({ field: 'codes' }),
        ]);
    }
    expect(await stored(FIX.fuyang)).toEqual(before);
  });

  it('lets only the hall manager of that hall and admins change it: 403 for a clerk, another hall manager and the reform office', async () => {
    const before = await stored(FIX.fuyang);
    for (const user of ['fuyang-clerk', 'yiwu-manager', 'zj-reform']) {
      const res = await h
        .http()
        .put(path(FIX.fuyang))
        .set(await as(user))
        .send({ codes: ['market_regulation'] });
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
      expectErrorBody(res.body, 403);
    }
    expect(await stored(FIX.fuyang)).toEqual(before);
    // the Yiwu manager manages its own hall
    await h
      .http()
      .put(path(FIX.yiwu))
      .set(await as('yiwu-manager'))
      .send({ codes: null })
      .expect(200);
  });

  it('lets the hall and the reform office of its region read it, and nobody else', async () => {
    for (const user of ['fuyang-clerk', 'zj-reform', 'hz-reform', 'admin']) {
      const body = await read(FIX.fuyang, user);
      expect({ user, source: body.source }).toEqual({ user, source: 'hall' });
    }
    // Yiwu is outside Hangzhou's subtree; another hall's manager reads only its own hall
    for (const user of ['hz-reform', 'fuyang-manager']) {
      const res = await h
        .http()
        .get(path(FIX.yiwu))
        .set(await as(user));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
  });

  it('answers 404 for an unknown hall and 400 for a malformed hall id', async () => {
    const unknown = '99999999-9999-4999-8999-999999999999';
    expectErrorBody(
      (
        await h
          .http()
          .get(path(unknown))
          .set(await as('admin'))
          .expect(404)
      ).body,
      404,
    );
    expectErrorBody(
      (
        await h
          .http()
          .put(path(unknown))
          .set(await as('admin'))
          .send({ codes: null })
          .expect(404)
      ).body,
      404,
    );
    await h
      .http()
      .get(path('not-a-uuid'))
      .set(await as('admin'))
      .expect(400);
  });
});
