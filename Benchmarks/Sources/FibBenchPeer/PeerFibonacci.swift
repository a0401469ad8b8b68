import BigInt

/// F(n) by fast doubling on attaswift/BigInt (pure Swift), the peer the benchmark compares with.
/// Textbook identities from the top bit of n: F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)² + F(k+1)².
///
/// Returns the value in hexadecimal, which the benchmark compares with GMP's; `checksum` is what the
/// timed loop keeps, so that the work cannot be optimized away without formatting the value.
public enum PeerFibonacci {
    public static func value(_ n: Int) -> BigUInt {
        var (current, next) = (BigUInt(0), BigUInt(1))
        guard n > 0 else { return current }
        for bit in stride(from: Int.bitWidth - 1 - n.leadingZeroBitCount, through: 0, by: -1) {
            // Invariant: (current, next) = (F(k), F(k+1)), k = n >> (bit + 1).
            let double = current * (2 * next - current)
            let doublePlusOne = current * current + next * next
            (current, next) = (n >> bit) & 1 == 1 ? (doublePlusOne, double + doublePlusOne) : (double, doublePlusOne)
        }
        return current
    }

    public static func hexadecimal(_ n: Int) -> String {
        String(value(n), radix: 16)
    }

    public static func checksum(_ n: Int) -> Int {
        value(n).bitWidth
    }
}
