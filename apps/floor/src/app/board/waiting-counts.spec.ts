import type { CategoryView } from '@onewindow/contracts';
import { waitingCounts } from './waiting-counts';

const categories = [
  { code: 'social_security', name: '社保', ticketPrefix: 'A' },
  { code: 'medical_insurance', name: '医保', ticketPrefix: 'B' },
  { code: 'tax', name: '税务', ticketPrefix: 'C' },
] as CategoryView[];

describe('waitingCounts', () => {
  it("lists each category of the queue with its name, in the catalog's order", () => {
    expect(
      waitingCounts(
        { tax: 1, social_security: 3, medical_insurance: 0 },
        categories,
      ),
    ).toEqual([
      { code: 'social_security', name: '社保', count: 3 },
      { code: 'medical_insurance', name: '医保', count: 0 },
      { code: 'tax', name: '税务', count: 1 },
    ]);
  });

  it('lists categories the catalog does not name by their code, last, alphabetically', () => {
    expect(
      waitingCounts({ zoning: 2, tax: 1, civil_affairs: 4 }, categories),
    ).toEqual([
      { code: 'tax', name: '税务', count: 1 },
      { code: 'civil_affairs', name: 'civil_affairs', count: 4 },
      { code: 'zoning', name: 'zoning', count: 2 },
    ]);
    expect(waitingCounts({}, categories)).toEqual([]);
  });
});
