/**
 * Whether NEW's version may break: its major number went up, or, before 1.0, its minor number did (semver's
 * rule for 0.y.z). `false` when either version is missing or not `MAJOR.MINOR.PATCH`.
 */
export function allowsBreaking(old: string | undefined, next: string | undefined): boolean {
  const a = parse(old);
  const b = parse(next);
  if (a === undefined || b === undefined) return false;
  if (b.major > a.major) return true;
  return a.major === 0 && b.major === 0 && b.minor > a.minor;
}

function parse(version: string | undefined): { major: number; minor: number } | undefined {
  const match = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+].*)?$/.exec(version ?? "");
  return match === null ? undefined : { major: Number(match[1]), minor: Number(match[2]) };
}
