// Guild's util.match_filters: every filter is a case-insensitive substring of one of the values.
export function matchFilters(filters: string[], values: string[]): boolean {
  const lowered = values.map((value) => value.toLowerCase());
  return filters.every((filter) => lowered.some((value) => value.includes(filter.toLowerCase())));
}
