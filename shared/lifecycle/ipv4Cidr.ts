/** IPv4 only; an IPv6 or group source never contains an IPv4 subnet. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (!a || !b || a.bits > b.bits) return false;
  const mask = a.bits === 0 ? 0 : (~0 << (32 - a.bits)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

export function prefixOf(cidr: string): number {
  return parseCidr(cidr)?.bits ?? 32;
}

function parseCidr(cidr: string): { base: number; bits: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const [o1, o2, o3, o4] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  return { base: ((o1 << 24) | (o2 << 16) | (o3 << 8) | o4) >>> 0, bits: Number(m[5]) };
}
