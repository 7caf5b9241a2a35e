import { hourGrid } from './time';

describe('hourGrid', () => {
  it('cuts opening hours at clock hours', () => {
    expect(hourGrid('08:30', '17:00')).toEqual([
      { start: '08:30', end: '09:00' },
      { start: '09:00', end: '10:00' },
      { start: '10:00', end: '11:00' },
      { start: '11:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
      { start: '13:00', end: '14:00' },
      { start: '14:00', end: '15:00' },
      { start: '15:00', end: '16:00' },
      { start: '16:00', end: '17:00' },
    ]);
    expect(hourGrid('09:00', '11:45')).toEqual([
      { start: '09:00', end: '10:00' },
      { start: '10:00', end: '11:00' },
      { start: '11:00', end: '11:45' },
    ]);
    expect(() => hourGrid('17:00', '08:30')).toThrow(/empty/);
  });
});
