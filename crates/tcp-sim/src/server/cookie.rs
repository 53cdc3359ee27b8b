//! SYN cookies (RFC 4987 §3.6), as Linux computes them (`secure_tcp_syn_cookie` and
//! `check_tcp_syn_cookie` in `net/ipv4/syncookies.c`): when the SYN queue is full, the listener
//! keeps nothing and puts what it must remember into its ISN instead. The ACK that answers the
//! SYN-ACK brings it back as `ack - 1`.
//!
//! The cookie is `hash(tuple) + client ISN + (minute << 24) + ((hash(tuple, minute) + MSS index)
//! mod 2^24)`: a keyed hash (Linux: SipHash; here a SplitMix mix of the same inputs, which is
//! enough for a simulation) makes it unforgeable, the minute counter makes it expire after two
//! minutes, and only a 2-bit MSS index fits. Window scale and SACK fit only in the timestamp
//! (`cookie_init_timestamp`); without timestamps they are lost.

/// The MSS values a cookie can say (Linux `msstab`): the client's MSS is rounded down to one.
pub const MSS_TABLE: [u16; 4] = [536, 1300, 1440, 1460];

const COOKIE_BITS: u32 = 24;
const COOKIE_MASK: u32 = (1 << COOKIE_BITS) - 1;
/// A cookie is accepted for this many minutes (Linux `MAX_SYNCOOKIE_AGE`).
pub const MAX_AGE_MINUTES: u32 = 2;

/// The four-tuple seen from the server: client address and port (the server's are fixed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tuple {
    /// Client IPv4 address.
    pub addr: u32,
    /// Client port.
    pub port: u16,
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A keyed hash of the tuple (and `count`, `which` as Linux's `cookie_hash` takes them).
pub fn keyed_hash(secret: u64, tuple: Tuple, count: u32, which: u32) -> u32 {
    let v = secret
        ^ ((tuple.addr as u64) << 16 | tuple.port as u64)
        ^ ((count as u64) << 40)
        ^ ((which as u64) << 62);
    (mix(v.wrapping_add(0x9E37_79B9_7F4A_7C15)) >> 32) as u32
}

/// The index of the largest table MSS not above `mss` (0 when even 536 is too large).
pub fn mss_index(mss: u16) -> usize {
    MSS_TABLE.iter().rposition(|&m| m <= mss).unwrap_or(0)
}

/// The cookie ISN for a SYN with sequence number `client_isn` and MSS `mss`, at minute `count`.
pub fn make(secret: u64, tuple: Tuple, client_isn: u32, count: u32, mss: u16) -> u32 {
    let data = mss_index(mss) as u32;
    keyed_hash(secret, tuple, 0, 0)
        .wrapping_add(client_isn)
        .wrapping_add(count << COOKIE_BITS)
        .wrapping_add(keyed_hash(secret, tuple, count, 1).wrapping_add(data) & COOKIE_MASK)
}

/// The MSS a cookie carries, if it is valid at minute `count` for a client whose ISN was
/// `client_isn` (the ACK's sequence number minus one).
pub fn check(secret: u64, tuple: Tuple, client_isn: u32, count: u32, cookie: u32) -> Option<u16> {
    let c = cookie.wrapping_sub(keyed_hash(secret, tuple, 0, 0).wrapping_add(client_isn));
    let diff = count.wrapping_sub(c >> COOKIE_BITS) & (u32::MAX >> COOKIE_BITS);
    if diff >= MAX_AGE_MINUTES {
        return None;
    }
    let data = c.wrapping_sub(keyed_hash(secret, tuple, count.wrapping_sub(diff), 1)) & COOKIE_MASK;
    MSS_TABLE.get(data as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Tuple = Tuple {
        addr: 0x0A00_0102,
        port: 40000,
    };

    #[test]
    fn test_cookie_round_trip_rounds_mss_down() {
        let c = make(7, T, 1000, 5, 1400);
        assert_eq!(check(7, T, 1000, 5, c), Some(1300));
        // Still good a minute later, not two.
        assert_eq!(check(7, T, 1000, 6, c), Some(1300));
        assert_eq!(check(7, T, 1000, 7, c), None);
        assert_eq!(check(7, T, 1000, 5, make(7, T, 1000, 5, 1460)), Some(1460));
    }

    #[test]
    fn test_cookie_rejects_other_tuple_isn_or_secret() {
        let c = make(7, T, 1000, 5, 1460);
        let other = Tuple { port: 40001, ..T };
        assert_eq!(check(7, other, 1000, 5, c), None);
        // Only four values of the low bits are valid, so a client ISN far off fails.
        assert_eq!(check(7, T, 1100, 5, c), None);
        assert_eq!(check(8, T, 1000, 5, c), None);
        assert_eq!(check(7, T, 1000, 5, c.wrapping_add(9)), None);
    }
}
