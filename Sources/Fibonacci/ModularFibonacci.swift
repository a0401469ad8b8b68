/// F(n) mod m, for any n (negative too) and any modulus m >= 1, in O(log n) steps on 64-bit words: no
/// big numbers, so n may be far beyond what F(n) itself allows (`fibonacci(10_000_000_000, modulo: 1_000_000_007)`).
///
/// The result is in `0 ..< m`. Traps when `m` is zero.
///
/// - Complexity: O(log n) multiplications modulo m.
public func fibonacci(_ n: Int, modulo m: UInt64) -> UInt64 {
    precondition(m > 0, "fibonacci(_:modulo:): the modulus must be positive")
    let magnitude = fibonacciPairModulo(n.magnitude, m).current
    // F(-n) = (-1)^(n+1) F(n).
    return n < 0 && n & 1 == 0 && magnitude != 0 ? m - magnitude : magnitude
}

/// (F(n), F(n+1)) mod m by fast doubling, from the top bit of n down:
///   F(2k) = F(k) (2F(k+1) - F(k)),  F(2k+1) = F(k)² + F(k+1)².
func fibonacciPairModulo(_ n: UInt, _ m: UInt64) -> (current: UInt64, next: UInt64) {
    let modulus = Modulus(m)
    var (current, next): (UInt64, UInt64) = (0, 1 % m)
    for bit in stride(from: UInt.bitWidth - 1 - n.leadingZeroBitCount, through: 0, by: -1) {
        // Invariant: (current, next) = (F(k), F(k+1)) mod m, k = n >> (bit + 1).
        let double = modulus.multiply(current, modulus.subtract(modulus.add(next, next), current))
        let doublePlusOne = modulus.add(modulus.multiply(current, current), modulus.multiply(next, next))
        if (n >> UInt(bit)) & 1 == 1 {
            (current, next) = (doublePlusOne, modulus.add(double, doublePlusOne))
        } else {
            (current, next) = (double, doublePlusOne)
        }
    }
    return (current, next)
}

/// Arithmetic modulo m on reduced operands (each in 0 ..< m), overflow-free for any 64-bit m:
/// sums are checked for the carry out of 64 bits, products go through 128 bits.
struct Modulus {
    let m: UInt64

    init(_ m: UInt64) { self.m = m }

    @inline(__always)
    func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, carry) = a.addingReportingOverflow(b)
        return carry || sum >= m ? sum &- m : sum
    }

    @inline(__always)
    func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a >= b ? a - b : a &- b &+ m
    }

    @inline(__always)
    func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        m.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder
    }

    func power(_ base: UInt64, _ exponent: UInt64) -> UInt64 {
        var (result, base, exponent) = (1 % m, base % m, exponent)
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            exponent >>= 1
        }
        return result
    }
}
