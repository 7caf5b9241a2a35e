/** A recorded move of one staff member, in the order they were made (effective date, then record). */
export interface RecordedMove {
  effectiveDate: string;
  fromRole: string;
  fromPlace: string | null;
  toRole: string;
  toPlace: string | null;
}

export interface StaffPosition {
  role: string;
  place: string | null;
}

/**
 * A staff member's role and place on `date`: where the latest move dated before it took them;
 * with no such move, where the first later move took them from; with no moves at all, the role
 * they were created with (and no recorded place). Pure.
 */
export function positionOn(
  currentRole: string,
  moves: readonly RecordedMove[],
  date: string,
): StaffPosition {
  const earlier = moves.filter((m) => m.effectiveDate < date);
  const last = earlier[earlier.length - 1];
  if (last) return { role: last.toRole, place: last.toPlace };
  const first = moves[0];
  if (first) return { role: first.fromRole, place: first.fromPlace };
  return { role: currentRole, place: null };
}
