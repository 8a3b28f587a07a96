/**
 * Default benchmark lines from DESIGN.md: a typical mid-size company qualifies about a third of
 * delivered leads and closes about one in five qualified; the best qualify half and close a third.
 */
export const BENCHMARKS = {
  qualification: { average: 1 / 3, best: 1 / 2 },
  close: { average: 1 / 5, best: 1 / 3 },
} as const;
