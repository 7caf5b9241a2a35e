import type {
  ImportSummary,
  ImportView,
  ListResponse,
} from '@onewindow/contracts';

/** Response examples of the import endpoints, for the OpenAPI document. */
const SUMMARY: ImportSummary = {
  id: '6f1d2c3b-4a5e-4f60-8b7a-9c0d1e2f3a4b',
  hallId: '11111111-1111-4111-8111-111111111111',
  kind: 'tickets',
  fileName: 'fuyang-2020-03.csv',
  sha256: '9f2c4e8a0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a',
  sizeBytes: 1_843_211,
  state: 'done',
  progress: 1,
  rowsTotal: 24_306,
  rowsImported: 24_301,
  rowsUpdated: 0,
  rowsUnchanged: 0,
  rowsRejected: 5,
  error: null,
  createdBy: '0b7e5c1a-2d3f-4e5a-8b9c-1d2e3f4a5b6c',
  createdAt: '2020-04-01T01:02:03.000Z',
  startedAt: '2020-04-01T01:02:03.412Z',
  finishedAt: '2020-04-01T01:02:11.870Z',
};

export const IMPORT_EXAMPLE: ImportView = {
  ...SUMMARY,
  columns: [
    'number',
    'service_item_code',
    'issued_at',
    'called_at',
    'completed_at',
    'window',
  ],
  ignoredColumns: ['备注'],
  rejections: [
    {
      line: 118,
      reason:
        'service_item_code: "MI-9999" is not a service item (or category) of the catalog',
    },
    { line: 2041, reason: 'called_at: is before issued_at' },
    {
      line: 2042,
      reason: 'duplicate: ticket A0311 of 2020-03-04 is also on line 2040',
    },
  ],
  rejectionsTruncated: false,
};

export const IMPORT_QUEUED_EXAMPLE: ImportView = {
  ...IMPORT_EXAMPLE,
  state: 'queued',
  progress: 0,
  rowsTotal: 0,
  rowsImported: 0,
  rowsRejected: 0,
  rejections: [],
  startedAt: null,
  finishedAt: null,
};

export const IMPORT_LIST_EXAMPLE: ListResponse<ImportSummary> = {
  items: [SUMMARY],
  total: 1,
};

export const TICKETS_CSV_EXAMPLE = [
  'number,service_item_code,issued_at,called_at,completed_at,window',
  'A0001,SS-0001,2020-03-02 08:31:12,2020-03-02 08:33:40,2020-03-02 08:39:02,A01',
  'B0001,MI-0001,2020-03-02 08:35:51,2020-03-02 08:52:09,,B03',
  'A0002,SS-0001,2020-03-02 08:36:20,,,',
].join('\n');
