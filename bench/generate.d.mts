/** A valid report's YAML with varied figures and text lengths, the same for the same seed. */
export function generateReport(seed: number): string;
