// Small text helpers of the console.

/** Joins the parts that exist, so a line without a commune does not start with a separator. */
export const joinDot = (...parts: (string | null | undefined | false)[]): string => parts.filter(Boolean).join(' · ');
