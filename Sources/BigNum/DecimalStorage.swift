// The heap object behind a `DecimalUInt`, and the in-place operations the Fibonacci module's decimal
// doubling runs on (`package` access: plumbing, not public API).

/// Base-10^19 limbs, lowest first, in a buffer of fixed capacity; `count` limbs are in use and the
/// highest of them is not zero (zero has count 0).
///
/// Each operation writes `self` and states which operands may be `self`. Capacities are the caller's
/// to provide (`reserve`), so that a loop sized up front never reallocates.
package final class DecimalStorage: @unchecked Sendable {
    package private(set) var limbs: UnsafeMutablePointer<UInt64>
    package private(set) var capacity: Int
    package var count = 0

    /// Zero, with room for `capacity` limbs.
    package init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        limbs = LimbMemory.allocate(self.capacity)
    }

    deinit { LimbMemory.free(limbs, count: capacity) }

    /// A copy of the value, with room for at least `minimumCapacity` limbs.
    package func copy(minimumCapacity: Int = 0) -> DecimalStorage {
        let result = DecimalStorage(capacity: Swift.max(count, minimumCapacity))
        result.limbs.update(from: limbs, count: count)
        result.count = count
        return result
    }

    /// Makes room for `capacity` limbs, keeping the value.
    package func reserve(_ capacity: Int) {
        guard capacity > self.capacity else { return }
        let fresh: UnsafeMutablePointer<UInt64> = LimbMemory.allocate(capacity)
        fresh.update(from: limbs, count: count)
        LimbMemory.free(limbs, count: self.capacity)
        (limbs, self.capacity) = (fresh, capacity)
    }

    /// Frees the limbs (the value becomes zero), to lower the peak memory once it is no longer needed.
    package func release() {
        LimbMemory.free(limbs, count: capacity)
        (limbs, capacity, count) = (LimbMemory.allocate(1), 1, 0)
    }

    package var isZero: Bool { count == 0 }

    /// The value of decimal digits, most significant first, each stored as `zero` + its value
    /// (`zero` is "0" for ASCII text, 0 for GMP's digit values); the caller has checked them.
    package func setDigits(_ digits: UnsafeBufferPointer<UInt8>, zero: UInt8) {
        let limbCount = (digits.count + DecimalRadix.digitsPerLimb - 1) / DecimalRadix.digitsPerLimb
        reserve(limbCount)
        // Limb i holds the digits ending 19·i from the right.
        var end = digits.count
        for index in 0..<limbCount {
            let start = Swift.max(0, end - DecimalRadix.digitsPerLimb)
            var limb: UInt64 = 0
            for position in start..<end { limb = limb &* 10 &+ UInt64(digits[position] &- zero) }
            limbs[index] = limb
            end = start
        }
        count = decimalNormalizedCount(limbs, limbCount)
    }

    /// The value of a word (split into limbs when it is 10^19 or more).
    package func set(_ value: UInt64) {
        reserve(2)
        limbs[0] = value % DecimalRadix.radix
        limbs[1] = value / DecimalRadix.radix
        count = decimalNormalizedCount(limbs, 2)
    }

    /// self = a², by ``DecimalProductWorkspace``. self must not be a; needs 2·a.count limbs.
    package func setSquare(of a: DecimalStorage, using workspace: DecimalProductWorkspace) {
        precondition(self !== a, "setSquare(of:) cannot square in place")
        guard a.count > 0 else { count = 0; return }
        reserve(2 * a.count)
        workspace.square(limbs, a.limbs, a.count)
        count = decimalNormalizedCount(limbs, 2 * a.count)
    }

    /// self = a · b (a square when a and b are the same), in the product's own buffer, which replaces
    /// self's: no second buffer of the result's size (see
    /// ``DecimalProductWorkspace/productInOwnBuffer(_:_:_:_:concurrently:afterPacking:)``). self must be neither.
    /// With `releasingOperands`, a and b are released as soon as they have been read; with
    /// `concurrently`, the product's two halves run on two threads.
    package func setProductInOwnBuffer(
        _ a: DecimalStorage, _ b: DecimalStorage, using workspace: DecimalProductWorkspace, releasingOperands: Bool = false,
        concurrently: Bool = false
    ) {
        precondition(self !== a && self !== b, "setProduct cannot multiply in place")
        release()  // the product brings its own buffer: self's goes first
        let productCount = a.count + b.count  // read before the operands may be released
        guard a.count > 0 && b.count > 0 else { return }
        let (product, productCapacity) = workspace.productInOwnBuffer(
            a.limbs, a.count, b.limbs, b.count, concurrently: concurrently
        ) {
            if releasingOperands {
                a.release()
                b.release()
            }
        }
        LimbMemory.free(limbs, count: capacity)
        (limbs, capacity) = (product, productCapacity)
        count = decimalNormalizedCount(limbs, productCount)
    }

    /// self = a · b. self must be neither; needs a.count + b.count limbs.
    package func setProduct(_ a: DecimalStorage, _ b: DecimalStorage, using workspace: DecimalProductWorkspace) {
        precondition(self !== a && self !== b, "setProduct cannot multiply in place")
        guard a.count > 0 && b.count > 0 else { count = 0; return }
        reserve(a.count + b.count)
        workspace.multiply(limbs, a.limbs, a.count, b.limbs, b.count)
        count = decimalNormalizedCount(limbs, a.count + b.count)
    }

    /// self = a + b; either may be self. Needs max(a.count, b.count) + 1 limbs.
    package func setSum(_ a: DecimalStorage, _ b: DecimalStorage) {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        reserve(long.count + 1)
        let carry = decimalAdd(limbs, long.limbs, long.count, short.limbs, short.count)
        limbs[long.count] = carry
        count = long.count + Int(carry)
    }

    /// self = a - b, for a >= b; either may be self.
    package func setDifference(_ a: DecimalStorage, _ b: DecimalStorage) {
        precondition(a.count >= b.count, "setDifference: a negative result")
        reserve(a.count)
        let borrow = decimalSubtract(limbs, a.limbs, a.count, b.limbs, b.count)
        precondition(borrow == 0, "setDifference: a negative result")
        count = decimalNormalizedCount(limbs, a.count)
    }

    /// self = a · m for a word m below 2^62; a may be self. Needs a.count + 1 limbs.
    package func setMultiple(_ a: DecimalStorage, _ m: UInt64) {
        reserve(a.count + 1)
        limbs[a.count] = decimalMultiply(limbs, a.limbs, a.count, by: m)
        count = decimalNormalizedCount(limbs, a.count + 1)
    }

    /// self += value, for a word below 10^19.
    package func add(_ value: UInt64) {
        reserve(count + 1)
        let carry = decimalAddWord(limbs, count, value)
        if count == 0 {
            limbs[0] = value
            count = value == 0 ? 0 : 1
        } else if carry != 0 {
            limbs[count] = carry
            count += 1
        }
    }

    /// self -= value, for a word below 10^19 and at most self.
    package func subtract(_ value: UInt64) {
        let borrow = decimalSubtractWord(limbs, count, value)
        precondition(borrow == 0, "subtract: a negative result")
        count = decimalNormalizedCount(limbs, count)
    }
}
