// Writes libpcap files for the capture tests and the capture measurement: TCP connections that
// end in different ways, and frames that are not TCP. Ethernet + IPv4 + TCP, microsecond
// timestamps, little-endian. No node:test here, so scripts can use it too.

const ETH = 14;
const IP = 20;
const TCP = 20;

function frame(ts_us, bytes) {
  const rec = Buffer.alloc(16);
  rec.writeUInt32LE(Math.floor(ts_us / 1e6), 0);
  rec.writeUInt32LE(ts_us % 1e6, 4);
  rec.writeUInt32LE(bytes.length, 8);
  rec.writeUInt32LE(bytes.length, 12);
  return [rec, bytes];
}

function ipv4(src, dst, proto, payloadLen) {
  const h = Buffer.alloc(IP);
  h[0] = 0x45;
  h.writeUInt16BE(IP + payloadLen, 2);
  h[8] = 64;
  h[9] = proto;
  src.split('.').forEach((v, i) => (h[12 + i] = Number(v)));
  dst.split('.').forEach((v, i) => (h[16 + i] = Number(v)));
  let sum = 0;
  for (let i = 0; i < IP; i += 2) sum += h.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  h.writeUInt16BE(~sum & 0xffff, 10);
  return h;
}

function ether(type) {
  const e = Buffer.alloc(ETH);
  e.writeUInt16BE(type, 12);
  return e;
}

const FLAG = { F: 1, S: 2, R: 4, P: 8, A: 16 };

function tcp(src, dst, sport, dport, seq, ack, flags, len) {
  const t = Buffer.alloc(TCP + len);
  t.writeUInt16BE(sport, 0);
  t.writeUInt16BE(dport, 2);
  t.writeUInt32BE(seq >>> 0, 4);
  t.writeUInt32BE(ack >>> 0, 8);
  t[12] = (TCP / 4) << 4;
  t[13] = [...flags].reduce((f, c) => f | FLAG[c], 0);
  t.writeUInt16BE(64240, 14);
  return Buffer.concat([ether(0x0800), ipv4(src, dst, 6, t.length), t]);
}

function udp(src, dst, len) {
  const u = Buffer.alloc(8 + len);
  u.writeUInt16BE(5353, 0);
  u.writeUInt16BE(5353, 2);
  u.writeUInt16BE(8 + len, 4);
  return Buffer.concat([ether(0x0800), ipv4(src, dst, 17, u.length), u]);
}

function header() {
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0);
  h.writeUInt16LE(2, 4);
  h.writeUInt16LE(4, 6);
  h.writeUInt32LE(262144, 16);
  h.writeUInt32LE(1, 20); // Ethernet
  return h;
}

/**
 * One connection's segments (client-side view), ending as `end` says: 'fin' (both FINs),
 * 'half' (the client's FIN only), 'rst' (the server resets), 'open' (no FIN, no RST).
 * `payload` bytes go each way. Returns [[ts_us, frameBytes], …].
 */
function connection(i, t0, end, payload) {
  const c = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const s = '10.255.0.1';
  const cp = 20000 + (i % 40000);
  const sp = 80;
  let cs = (0x10000000 + i * 7919) >>> 0;
  let ss = (0x70000000 + i * 104729) >>> 0;
  const out = [];
  let t = t0;
  const c2s = (flags, len = 0) => { out.push([t, tcp(c, s, cp, sp, cs, ss, flags, len)]); t += 20; };
  const s2c = (flags, len = 0) => { out.push([t, tcp(s, c, sp, cp, ss, cs, flags, len)]); t += 20; };
  out.push([t, tcp(c, s, cp, sp, cs, 0, 'S', 0)]); t += 20; cs += 1;
  out.push([t, tcp(s, c, sp, cp, ss, cs, 'SA', 0)]); t += 20; ss += 1;
  c2s('A');
  c2s('PA', payload); cs += payload;
  s2c('A');
  s2c('PA', payload); ss += payload;
  c2s('A');
  if (end === 'rst') { s2c('RA'); return out; }
  if (end === 'open') return out;
  c2s('FA'); cs += 1;
  if (end === 'half') { s2c('A'); return out; }
  s2c('FA'); ss += 1;
  c2s('A');
  return out;
}

/** A pcap of `n` connections; `ends` cycles through the endings; `udpEvery` > 0 adds a UDP frame every so many connections. */
export function capture({ n = 4, ends = ['fin', 'rst', 'open', 'half'], payload = 5, udpEvery = 0 } = {}) {
  const parts = [header()];
  let t = 1_700_000_000_000_000;
  for (let i = 0; i < n; i++) {
    for (const [ts, bytes] of connection(i, t, ends[i % ends.length], payload)) parts.push(...frame(ts, bytes));
    if (udpEvery > 0 && i % udpEvery === 0) parts.push(...frame(t + 5, udp('10.0.0.9', '224.0.0.251', 40)));
    t += 1000;
  }
  return Buffer.concat(parts);
}

/** A pcap with only UDP frames. */
export function udpOnly(n = 5) {
  const parts = [header()];
  for (let i = 0; i < n; i++) parts.push(...frame(1_700_000_000_000_000 + i * 100, udp('10.0.0.9', '224.0.0.251', 40)));
  return Buffer.concat(parts);
}
