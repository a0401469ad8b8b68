// Linear-time kernels on little-endian arrays of base-10^19 limbs: the arithmetic of `DecimalUInt`
// and of the Fibonacci module's decimal doubling. Every limb is below 10^19; a count is the number
// of limbs used. 10^19 > 2^63, so the sum of two limbs can pass 2^64: additions test the overflow
// flag as well as the radix.

/// The radix of `DecimalUInt`'s limbs and its division by reciprocal.
package enum DecimalRadix {
    /// 10^19, the largest power of ten below 2^64.
    package static let radix: UInt64 = 10_000_000_000_000_000_000
    package static let digitsPerLimb = 19

    /// ⌊(2^128 - 1) / radix⌋ - 2^64, the reciprocal of Möller and Granlund's "Improved division by
    /// invariant integers" (GMP's `udiv_qrnnd_preinv`). The radix is normalized (its top bit is set,
    /// 10^19 > 2^63), as the method requires; ~radix < radix, so the quotient fits a word.
    package static let reciprocal: UInt64 = radix.dividingFullWidth((high: ~radix, low: .max)).quotient

    /// (high · 2^64 + low) divided by 10^19, for high < 10^19: two multiplications instead of a
    /// hardware division.
    @inline(__always)
    package static func divide(_ high: UInt64, _ low: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        // q = reciprocal · high + (high + 1) · 2^64 + low, as two words; its high word is the candidate
        // quotient, off by at most one each way, which the two corrections settle.
        let product = reciprocal.multipliedFullWidth(by: high)
        let (q0, carry) = product.low.addingReportingOverflow(low)
        var q1 = product.high &+ high &+ 1 &+ (carry ? 1 : 0)
        var r = low &- q1 &* radix
        if r > q0 {
            q1 &-= 1
            r &+= radix
        }
        if r >= radix {
            q1 &+= 1
            r &-= radix
        }
        return (q1, r)
    }
}

/// A running carry for turning column sums (of up to 192 bits) into base-10^19 limbs, lowest first:
/// the last step of every product, schoolbook or Kronecker.

struct ColumnCarry {
    /// The carry into the next column, as two words.
    var high: UInt64 = 0
    var low: UInt64 = 0

    init() {}

    /// Adds the carry to the column (hi · 2^128 + mid · 2^64 + lo), returns the column's limb and keeps
    /// the rest as the next carry. The caller guarantees column + carry < 10^19 · 2^128, so the top
    /// word stays below the radix and each division's quotient fits a word.
    @inline(__always)
    mutating func limb(lo: UInt64, mid: UInt64, hi: UInt64) -> UInt64 {
        let (l, c0) = lo.addingReportingOverflow(low)
        let (m1, c1) = mid.addingReportingOverflow(high)
        let (m, c2) = m1.addingReportingOverflow(c0 ? 1 : 0)
        let h = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
        let (q1, r1) = DecimalRadix.divide(h, m)
        let (q0, r0) = DecimalRadix.divide(r1, l)
        (high, low) = (q1, q0)
        return r0
    }
}

/// Limbs in use once the high zero limbs are dropped.
package func decimalNormalizedCount(_ limbs: UnsafePointer<UInt64>, _ count: Int) -> Int {
    var count = count
    while count > 0 && limbs[count - 1] == 0 { count -= 1 }
    return count
}

/// r = a + b for na >= nb; returns the carry out of limb na - 1 (0 or 1). r may be a or b.
package func decimalAdd(
    _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int
) -> UInt64 {
    var carry: UInt64 = 0
    for i in 0..<nb {
        // a + b + carry < 2·10^19 < 2^65: past 2^64 the sum has wrapped, and the limb is sum - 10^19
        // modulo 2^64 either way.
        let (partial, overflow1) = a[i].addingReportingOverflow(b[i])
        let (sum, overflow2) = partial.addingReportingOverflow(carry)
        if overflow1 || overflow2 || sum >= DecimalRadix.radix {
            r[i] = sum &- DecimalRadix.radix
            carry = 1
        } else {
            r[i] = sum
            carry = 0
        }
    }
    for i in nb..<na {
        let sum = a[i] &+ carry  // below 10^19 + 1: no wrap
        if sum == DecimalRadix.radix {
            r[i] = 0
            carry = 1
        } else {
            r[i] = sum
            carry = 0
        }
    }
    return carry
}

/// r = a - b for na >= nb; returns the borrow out of limb na - 1 (0 or 1; 0 when a >= b). r may be a
/// or b.
package func decimalSubtract(
    _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int
) -> UInt64 {
    var borrow: UInt64 = 0
    for i in 0..<nb {
        let subtrahend = b[i] &+ borrow  // at most 10^19: no wrap
        if a[i] >= subtrahend {
            r[i] = a[i] - subtrahend
            borrow = 0
        } else {
            // The true limb a + 10^19 - subtrahend is below 10^19, so arithmetic modulo 2^64 gives it.
            r[i] = a[i] &+ DecimalRadix.radix &- subtrahend
            borrow = 1
        }
    }
    for i in nb..<na {
        if a[i] >= borrow {
            r[i] = a[i] - borrow
            borrow = 0
        } else {
            r[i] = DecimalRadix.radix - 1
        }
    }
    return borrow
}

/// r = a · m + carryIn for a small word m (m · 10^19 < 2^127); returns the carry limb. r may be a.
package func decimalMultiply(
    _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ n: Int, by m: UInt64, carryIn: UInt64 = 0
) -> UInt64 {
    var carry = carryIn
    for i in 0..<n {
        // a · m + carry < (10^19 + 1) · m · ... : the high word stays below the radix.
        let product = a[i].multipliedFullWidth(by: m)
        let (low, overflow) = product.low.addingReportingOverflow(carry)
        let (quotient, remainder) = DecimalRadix.divide(product.high &+ (overflow ? 1 : 0), low)
        r[i] = remainder
        carry = quotient
    }
    return carry
}

/// Adds a word below 10^19 to the n limbs in place; returns the carry out (0 or 1).
package func decimalAddWord(_ r: UnsafeMutablePointer<UInt64>, _ n: Int, _ value: UInt64) -> UInt64 {
    var carry = value
    var i = 0
    while carry != 0 && i < n {
        let (sum, overflow) = r[i].addingReportingOverflow(carry)
        if overflow || sum >= DecimalRadix.radix {
            r[i] = sum &- DecimalRadix.radix
            carry = 1
        } else {
            r[i] = sum
            carry = 0
        }
        i += 1
    }
    return carry
}

/// Subtracts a word below 10^19 from the n limbs in place; returns the borrow out (0 or 1).
package func decimalSubtractWord(_ r: UnsafeMutablePointer<UInt64>, _ n: Int, _ value: UInt64) -> UInt64 {
    var borrow = value
    var i = 0
    while borrow != 0 && i < n {
        if r[i] >= borrow {
            r[i] -= borrow
            borrow = 0
        } else {
            r[i] = r[i] &+ DecimalRadix.radix &- borrow
            borrow = 1
        }
        i += 1
    }
    return borrow
}

/// -1, 0 or 1 as a (na limbs, normalized) compares with b (nb limbs, normalized).
package func decimalCompare(_ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int) -> Int {
    if na != nb { return na < nb ? -1 : 1 }
    var i = na - 1
    while i >= 0 {
        if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        i -= 1
    }
    return 0
}
