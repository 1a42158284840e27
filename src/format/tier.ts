const TIER_WORDS: Record<string, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  new: 'New',
  unknown: 'Unknown',
};

/** A seller tier as a word for people (`gold` → `Gold`); a tier the kit does not know is shown as it is. */
export function tierWord(tier: string): string {
  return TIER_WORDS[tier] ?? tier;
}
