import CGMP

// Products of base-10^19 numbers: schoolbook for a few limbs, Kronecker substitution over GMP's
// binary multiplication above that.
//
// Kronecker substitution: write a = Σ aᵢ·R^i (R = 10^19). Its limbs, placed in slots of w bits, form
// the binary number A = Σ aᵢ·2^(iw); likewise B. In A·B = Σ c_k·2^(kw), each c_k = Σ aᵢ·b_{k-i} is a
// column sum of at most min(na, nb) products of limbs below R, so c_k ≤ min(na, nb)·(R - 1)^2, and
// with w the bit length of that bound the columns cannot overlap: every c_k reads back exactly from
// its own slot. Then a·b = Σ c_k·R^k, and one pass of carries turns the column sums into limbs.
// w is 127 bits plus the bit length of min(na, nb): 144 bits at 10^5 limbs, about 7.6 bits a decimal
// digit against 3.3 in binary, so a Kronecker square costs 2.2 to 2.6 binary squares of the value.

/// Limbs from which a product goes through Kronecker substitution rather than the schoolbook.
package let decimalKroneckerThreshold = 24

/// Reusable buffers for Kronecker products, so that a loop of squarings allocates once. One
/// workspace serves one thread at a time.
package final class DecimalProductWorkspace: @unchecked Sendable {
    private var packedA = LimbBuffer()
    private var packedB = LimbBuffer()
    private var product = LimbBuffer()

    package init() {}

    deinit { release() }

    /// Frees the buffers (they are allocated again on the next product).
    package func release() {
        packedA.release()
        packedB.release()
        product.release()
    }

    /// r = a², 2n limbs (the top one may be zero). r must not overlap a.
    package func square(_ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ n: Int) {
        multiply(r, a, n, a, n)
    }

    /// r = a · b, na + nb limbs (the top one may be zero). r must not overlap a or b. A square when
    /// a and b are the same limbs.
    package func multiply(
        _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int
    ) {
        precondition(na > 0 && nb > 0)
        if Swift.min(na, nb) < decimalKroneckerThreshold {
            schoolbookProduct(r, a, na, b, nb)
            return
        }
        let (out, width) = kroneckerProduct(a, na, b, nb)
        out.withMemoryRebound(to: UInt64.self, capacity: product.capacity) { out in
            unpack(out, columns: na + nb - 1, width: width, into: r)
        }
    }

    /// a · b (a square when they are the same limbs) in a new buffer of na + nb or more limbs that
    /// the caller takes over (free it with `LimbMemory.free(_:count:)`): the binary product's own
    /// buffer, unpacked in place, so that the result needs no memory of its own, and the packed
    /// operands are freed before unpacking. For the last, largest product of a computation.
    /// `afterPacking` runs once the operands have been read (packed), before the binary product: the
    /// caller may free them there.
    package func productInOwnBuffer(
        _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int, afterPacking: () -> Void = {}
    ) -> (limbs: UnsafeMutablePointer<UInt64>, capacity: Int) {
        precondition(na > 0 && nb > 0)
        if Swift.min(na, nb) < decimalKroneckerThreshold {
            let limbs: UnsafeMutablePointer<UInt64> = LimbMemory.allocate(na + nb)
            schoolbookProduct(limbs, a, na, b, nb)
            afterPacking()
            return (limbs, na + nb)
        }
        let (out, width) = kroneckerProduct(a, na, b, nb, afterPacking: afterPacking)
        let capacity = product.capacity
        product.relinquish()
        packedA.release()
        packedB.release()
        // In place: column k is read from word ⌊k·width/64⌋ >= 2k on, at or beyond the word k that
        // receives limb k, and every word of column k is read before limb k is written.
        let limbs = UnsafeMutableRawPointer(out).bindMemory(to: UInt64.self, capacity: capacity)
        unpack(limbs, columns: na + nb - 1, width: width, into: limbs)
        return (limbs, capacity)
    }

    /// The binary product of the packed operands in `product`, with four zero words past its end
    /// (unpacking reads a slot as four whole words), and the slot width.
    private func kroneckerProduct(
        _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int, afterPacking: () -> Void = {}
    ) -> (product: UnsafeMutablePointer<UInt>, width: Int) {
        let width = slotWidth(columnTerms: Swift.min(na, nb))
        let countA = packedLimbCount(na, width)
        let packedLeft = packedA.reserve(countA)
        pack(a, na, width: width, into: packedLeft, countA)
        if a == b && na == nb {
            afterPacking()
            let out = product.reserve(2 * countA + 4)
            __gmpn_sqr(out, packedLeft, countA)
            (out + 2 * countA).initialize(repeating: 0, count: 4)
            return (out, width)
        }
        let countB = packedLimbCount(nb, width)
        let packedRight = packedB.reserve(countB)
        pack(b, nb, width: width, into: packedRight, countB)
        afterPacking()
        let out = product.reserve(countA + countB + 4)
        // mpn_mul wants the longer operand first.
        if countA >= countB {
            _ = __gmpn_mul(out, packedLeft, countA, packedRight, countB)
        } else {
            _ = __gmpn_mul(out, packedRight, countB, packedLeft, countA)
        }
        (out + countA + countB).initialize(repeating: 0, count: 4)
        return (out, width)
    }

    /// The bit length of terms·(R - 1)^2, the largest possible column sum: slots of this width cannot
    /// overflow into each other.
    private func slotWidth(columnTerms terms: Int) -> Int {
        let square = (DecimalRadix.radix - 1).multipliedFullWidth(by: DecimalRadix.radix - 1)
        let low = square.low.multipliedFullWidth(by: UInt64(terms))
        let high = square.high.multipliedFullWidth(by: UInt64(terms))
        let (middle, carry) = low.high.addingReportingOverflow(high.low)
        let top = high.high &+ (carry ? 1 : 0)
        let width = top != 0 ? 128 + (64 - top.leadingZeroBitCount) : 64 + (64 - middle.leadingZeroBitCount)
        // Unpacking reads a slot as three words with the carry added: keep the top word below 2^62.
        precondition(width <= 190, "decimal product too large for Kronecker substitution")
        return width
    }

    private func packedLimbCount(_ n: Int, _ width: Int) -> Int {
        (n * width + 63) / 64
    }

    /// Writes limb i of a at bit i·width of the zeroed packed number. width >= 128, so a limb's two
    /// words never reach the next limb's first word.
    private func pack(_ a: UnsafePointer<UInt64>, _ n: Int, width: Int, into packed: UnsafeMutablePointer<UInt>, _ count: Int) {
        packed.initialize(repeating: 0, count: count)
        var bit = 0
        for i in 0..<n {
            let index = bit >> 6, shift = bit & 63, limb = UInt(a[i])
            packed[index] = limb << shift
            if shift != 0 { packed[index + 1] = limb >> (64 - shift) }
            bit += width
        }
    }

    /// Reads the column sums (slots of `width` bits) and carries them into limbs: columns + 1 limbs.
    private func unpack(_ product: UnsafePointer<UInt64>, columns: Int, width: Int, into r: UnsafeMutablePointer<UInt64>) {
        let topMask: UInt64 = (1 << UInt64(width - 128)) - 1  // 128 < width <= 190 (slotWidth)
        var carry = ColumnCarry()
        var bit = 0
        for k in 0..<columns {
            let index = bit >> 6, shift = UInt64(bit & 63)
            let x0 = product[index], x1 = product[index + 1], x2 = product[index + 2], x3 = product[index + 3]
            let lo: UInt64, mid: UInt64, hi: UInt64
            if shift == 0 {
                (lo, mid, hi) = (x0, x1, x2 & topMask)
            } else {
                lo = (x0 >> shift) | (x1 << (64 - shift))
                mid = (x1 >> shift) | (x2 << (64 - shift))
                hi = ((x2 >> shift) | (x3 << (64 - shift))) & topMask
            }
            r[k] = carry.limb(lo: lo, mid: mid, hi: hi)
            bit += width
        }
        // The product is below R^(columns + 1), so what is left fits one limb.
        r[columns] = carry.limb(lo: 0, mid: 0, hi: 0)
    }
}

/// r = a · b by columns (product scanning), na + nb limbs. r must not overlap a or b.
///
/// - Complexity: O(na · nb).
package func schoolbookProduct(
    _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int
) {
    var carry = ColumnCarry()
    for k in 0..<(na + nb - 1) {
        // Column k: Σ a[i]·b[k-i], at most min(na, nb) products below 2^126.3, so three words hold it.
        var (lo, mid, hi): (UInt64, UInt64, UInt64) = (0, 0, 0)
        for i in Swift.max(0, k - nb + 1)...Swift.min(k, na - 1) {
            let product = a[i].multipliedFullWidth(by: b[k - i])
            let (l, c0) = lo.addingReportingOverflow(product.low)
            let (m1, c1) = mid.addingReportingOverflow(product.high)
            let (m, c2) = m1.addingReportingOverflow(c0 ? 1 : 0)
            lo = l
            mid = m
            hi &+= (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
        }
        r[k] = carry.limb(lo: lo, mid: mid, hi: hi)
    }
    r[na + nb - 1] = carry.limb(lo: 0, mid: 0, hi: 0)
}

/// A growable buffer of GMP limbs that keeps its memory between uses.
struct LimbBuffer {
    private var start: UnsafeMutablePointer<UInt>?
    private(set) var capacity = 0

    /// At least `count` limbs, uninitialized (their old contents may remain).
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt> {
        if let start, capacity >= count { return start }
        release()
        let fresh: UnsafeMutablePointer<UInt> = LimbMemory.allocate(count)
        (start, capacity) = (fresh, count)
        return fresh
    }

    /// Forgets the buffer without freeing it: its memory now belongs to whoever took it.
    mutating func relinquish() {
        (start, capacity) = (nil, 0)
    }

    mutating func release() {
        if let start { LimbMemory.free(start, count: capacity) }
        (start, capacity) = (nil, 0)
    }
}
