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
// digit against 3.3 in binary, so a Kronecker square costs 2.2 to 2.6 binary squares of the value;
// squares are evaluated at two points instead (`squareAtTwoPoints`), two squares of half the size.

/// Limbs from which a product goes through Kronecker substitution rather than the schoolbook.
package let decimalKroneckerThreshold = 24

/// Reusable buffers for Kronecker products, so that a loop of squarings allocates once. One
/// workspace serves one thread at a time.
package final class DecimalProductWorkspace: @unchecked Sendable {
    private var packedA = LimbBuffer()
    private var packedB = LimbBuffer()
    private var product = LimbBuffer()
    /// The packed value at both points, for squares at two points.
    private var packedBoth = LimbBuffer()

    package init() {}

    deinit { release() }

    /// Frees the buffers (they are allocated again on the next product).
    package func release() {
        packedA.release()
        packedB.release()
        packedBoth.release()
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
        let columns = kroneckerProduct(a, na, b, nb)
        unpack(columns, count: na + nb - 1, into: r)
    }

    /// a · b (a square when they are the same limbs) in a new buffer of na + nb + 1 limbs that the
    /// caller takes over (free it with `LimbMemory.free(_:count:)`): the binary product's own
    /// buffer, unpacked in place and shrunk, so that the result needs no memory of its own, and the
    /// packed operands are freed before unpacking. For the last, largest product of a computation.
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
        let columns = kroneckerProduct(a, na, b, nb, afterPacking: afterPacking)
        var capacity = product.capacity
        product.relinquish()
        packedA.release()
        packedB.release()
        packedBoth.release()
        // In place: column k is read from word ⌊(k·step + offset)/64⌋ >= k on (step >= 64), at or
        // beyond the word k that receives limb k, and every word of column k is read before limb k
        // is written; odd columns of a square at two points come from past the result's end.
        var limbs = UnsafeMutableRawPointer(mutating: columns.even).bindMemory(to: UInt64.self, capacity: capacity)
        unpack(columns, count: na + nb - 1, into: limbs)
        // The binary product took two to four times the result's words: give the rest back, but for
        // one limb, so that a sum that follows needs no copy.
        limbs = LimbMemory.shrink(limbs, from: capacity, to: na + nb + 1)
        capacity = na + nb + 1
        return (limbs, capacity)
    }

    /// Where the column sums of a Kronecker product lie: column k is the `width` bits from bit
    /// k·step + offset of `even` (k even) or `odd` (k odd), each followed by four zero words
    /// (unpacking reads a slot as four whole words).
    private struct Columns {
        let even: UnsafePointer<UInt64>, odd: UnsafePointer<UInt64>
        let step: Int, offset: Int, width: Int
    }

    /// The binary product of the packed operands in `product`, and where its columns lie.
    private func kroneckerProduct(
        _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int, afterPacking: () -> Void = {}
    ) -> Columns {
        let width = slotWidth(columnTerms: Swift.min(na, nb))
        if a == b && na == nb {
            return squareAtTwoPoints(a, na, width: width, afterPacking: afterPacking)
        }
        packedBoth.release()  // a square's alone: not held through a product (a computation's last)
        let countA = packedLimbCount(na, width)
        let packedLeft = packedA.reserve(countA)
        pack(a, na, width: width, into: packedLeft, countA)
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
        let columns = UnsafeRawPointer(out).assumingMemoryBound(to: UInt64.self)
        return Columns(even: columns, odd: columns, step: width, offset: 0, width: width)
    }

    /// a² by Kronecker substitution at the two points ±2^w with w = ⌈width/2⌉ (Harvey, "Faster
    /// polynomial multiplication via multipoint Kronecker substitution", 2009): with E and O the
    /// even- and odd-indexed limbs placed at bit i·w, A(2^w) = E + O and |A(-2^w)| = |2E - A(2^w)|, and
    ///   (A(2^w)² + A(-2^w)²) / 2 = Σ c_k·2^(kw) over even k,   (A(2^w)² - A(-2^w)²) / 2 over odd k,
    /// where successive even (or odd) columns lie 2w >= width bits apart: no overlap. Two squares of
    /// half the size instead of one: measured 0.7x to 0.9x the time of one square at one point
    /// (30 to 110,000 limbs), most where GMP squares by Toom-Cook, whose cost grows as size^1.4 to
    /// size^1.5, and still some in its FFT range.
    private func squareAtTwoPoints(
        _ a: UnsafePointer<UInt64>, _ n: Int, width: Int, afterPacking: () -> Void
    ) -> Columns {
        let step = (width + 1) / 2  // >= 64: limbs below 2^64 never overlap
        // One spare word: the last limb's high word, and the carry of doubling E.
        let count = packedLimbCount(n, step) + 1
        let (evens, both) = (packedA.reserve(count), packedBoth.reserve(count))
        evens.initialize(repeating: 0, count: count)
        both.initialize(repeating: 0, count: count)
        var bit = 0
        for i in 0..<n {
            // Adjacent limbs may share a word (step < 128): add the bits in rather than assign them.
            let index = bit >> 6, shift = bit & 63, limb = UInt(a[i])
            both[index] |= limb << shift
            if shift != 0 { both[index + 1] |= limb >> (64 - shift) }
            if i & 1 == 0 {
                evens[index] = limb << shift  // even limbs lie 2·step >= 128 bits apart
                if shift != 0 { evens[index + 1] = limb >> (64 - shift) }
            }
            bit += step
        }
        afterPacking()
        // both = E + O; |E - O| = |2E - both|, into evens.
        _ = __gmpn_lshift(evens, evens, count, 1)  // 2E < 2^(64·count): the spare word holds it
        if __gmpn_cmp(evens, both, count) >= 0 {
            _ = __gmpn_sub_n(evens, evens, both, count)
        } else {
            _ = __gmpn_sub_n(evens, both, evens, count)
        }
        var differenceCount = count
        while differenceCount > 0 && evens[differenceCount - 1] == 0 { differenceCount -= 1 }
        // sum = (E + O)², difference = (E - O)², each 2·count + 1 words and four zero words.
        let region = 2 * count + 5
        let out = product.reserve(2 * region)
        let (sum, difference) = (out, out + region)
        __gmpn_sqr(sum, both, count)
        difference.initialize(repeating: 0, count: region)
        if differenceCount > 0 { __gmpn_sqr(difference, evens, differenceCount) }
        // sum = S1 + S2 = 2·Σ even columns; difference = S1 - S2 = sum - 2·S2 = 2·Σ odd columns.
        sum[2 * count] = __gmpn_add_n(sum, sum, difference, 2 * count)
        difference[2 * count] = __gmpn_lshift(difference, difference, 2 * count, 1)
        _ = __gmpn_sub_n(difference, sum, difference, 2 * count + 1)
        (sum + 2 * count + 1).initialize(repeating: 0, count: 4)
        let columns = UnsafeRawPointer(out).assumingMemoryBound(to: UInt64.self)
        // Halving is reading one bit higher.
        return Columns(even: columns, odd: columns + region, step: step, offset: 1, width: 2 * step)
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

    /// Reads the column sums and carries them into limbs: count + 1 limbs.
    private func unpack(_ columns: Columns, count: Int, into r: UnsafeMutablePointer<UInt64>) {
        // 128 <= width <= 191 (slotWidth), so the top word is below 2^63.
        let topMask: UInt64 = (1 << UInt64(columns.width - 128)) - 1
        let (even, odd) = (columns.even, columns.odd)
        var carry = ColumnCarry()
        var bit = columns.offset
        for k in 0..<count {
            let source = k & 1 == 0 ? even : odd
            let index = bit >> 6, shift = UInt64(bit & 63)
            let x0 = source[index], x1 = source[index + 1], x2 = source[index + 2], x3 = source[index + 3]
            let lo: UInt64, mid: UInt64, hi: UInt64
            if shift == 0 {
                (lo, mid, hi) = (x0, x1, x2 & topMask)
            } else {
                lo = (x0 >> shift) | (x1 << (64 - shift))
                mid = (x1 >> shift) | (x2 << (64 - shift))
                hi = ((x2 >> shift) | (x3 << (64 - shift))) & topMask
            }
            r[k] = carry.limb(lo: lo, mid: mid, hi: hi)
            bit += columns.step
        }
        // The product is below R^(count + 1), so what is left fits one limb.
        r[count] = carry.limb(lo: 0, mid: 0, hi: 0)
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
