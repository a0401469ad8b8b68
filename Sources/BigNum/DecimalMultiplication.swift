import CDecimalNTT
import CGMP

// Products of base-10^19 numbers: schoolbook for a few limbs, then Kronecker substitution over GMP's
// binary multiplication, and from `decimalTransformThreshold` limbs number-theoretic transforms
// (CDecimalNTT, where the processor has their vector units; Docs/Algorithms.md has their identities).
//
// Kronecker substitution: write a = Σ aᵢ·R^i (R = 10^19). Its limbs, placed in slots of w bits, form
// the binary number A = Σ aᵢ·2^(iw); likewise B. In A·B = Σ c_k·2^(kw), each c_k = Σ aᵢ·b_{k-i} is a
// column sum of at most min(na, nb) products of limbs below R, so c_k ≤ min(na, nb)·(R - 1)^2, and
// with w the bit length of that bound the columns cannot overlap: every c_k reads back exactly from
// its own slot. Then a·b = Σ c_k·R^k, and one pass of carries turns the column sums into limbs.
// w is 127 bits plus the bit length of min(na, nb): 144 bits at 10^5 limbs, about 7.6 bits a decimal
// digit against 3.3 in binary, so a Kronecker square costs 2.2 to 2.6 binary squares of the value.
//
// Every product here is evaluated at the two points ±2^v, v = ⌈w/2⌉ (Harvey, "Faster polynomial
// multiplication via multipoint Kronecker substitution", 2009): two binary products of half the
// size instead of one, which GMP does sooner (its cost grows faster than the size), and which can
// run on two threads.

/// Limbs from which a product goes through Kronecker substitution rather than the schoolbook.
package let decimalKroneckerThreshold = 24

/// Limbs (of the shorter operand) from which a product goes through the number-theoretic transforms
/// of `CDecimalNTT`, where the processor has their vector units, rather than Kronecker substitution.
package let decimalTransformThreshold = 160

/// Whether this processor runs the transforms (AVX2 with FMA, AVX-512, or AArch64).
package let decimalTransformsAreSupported = decimal_ntt_is_supported() != 0

/// Reusable buffers for products (Kronecker's and the transforms'), so that a loop of squarings
/// allocates once. One workspace serves one thread at a time (a product run `concurrently` lends
/// its buffers to the helper thread).
package final class DecimalProductWorkspace: @unchecked Sendable {
    /// Each operand at the two points: A(2^v) and |A(-2^v)|.
    private var pointsA = (LimbBuffer(), LimbBuffer())
    private var pointsB = (LimbBuffer(), LimbBuffer())
    /// The two binary products, side by side.
    private var product = LimbBuffer()
    /// The transforms of the two operands (of one operand on each thread, for a square on two threads),
    /// and the second prime's convolution, kept for the Chinese remainder step.
    private var transforms = (TransformBuffer(), TransformBuffer())
    private var secondResidues = TransformBuffer()
    /// Whether products may take the transforms (tests turn them off to check the Kronecker path).
    package var usesTransforms = decimalTransformsAreSupported
    /// Limbs of the shorter operand above which a product by transforms is cut into pieces: the
    /// column sums must stay below the primes' product (`decimal_ntt_length` takes up to 13,999,999;
    /// tests lower it to check the pieces).
    package var transformPieceLimbs = 13_999_999

    package init() {}

    deinit { release() }

    /// Frees the buffers (they are allocated again on the next product).
    package func release() {
        releasePackedOperands()
        product.release()
        transforms.0.release()
        transforms.1.release()
        secondResidues.release()
    }

    private func releasePackedOperands() {
        pointsA.0.release()
        pointsA.1.release()
        pointsB.0.release()
        pointsB.1.release()
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
        if takesTransforms(na, nb) {
            transformProductInPieces(r, a, na, b, nb)
            return
        }
        let columns = kroneckerProduct(a, na, b, nb)
        unpack(columns, count: na + nb - 1, into: r)
    }

    /// a · b (a square when they are the same limbs) in a new buffer of na + nb + 1 limbs that the
    /// caller takes over (free it with `LimbMemory.free(_:count:)`). By Kronecker substitution, the
    /// binary product's own buffer, unpacked in place and shrunk, so that the result needs no memory
    /// of its own, and the packed operands are freed before unpacking; by the transforms, a buffer of
    /// its own that holds the first prime's digits on the way. For the last, largest product of a
    /// computation. `afterPacking` runs once the operands have been read (packed, or loaded into
    /// every prime's transform): the caller may free them there. With `concurrently`, the work is
    /// split between two threads (`runConcurrently`): the binary products at the two points, or the
    /// transforms as `transformProduct` says.
    package func productInOwnBuffer(
        _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int, concurrently: Bool = false,
        afterPacking: () -> Void = {}
    ) -> (limbs: UnsafeMutablePointer<UInt64>, capacity: Int) {
        precondition(na > 0 && nb > 0)
        if Swift.min(na, nb) < decimalKroneckerThreshold {
            let limbs: UnsafeMutablePointer<UInt64> = LimbMemory.allocate(na + nb)
            schoolbookProduct(limbs, a, na, b, nb)
            afterPacking()
            return (limbs, na + nb)
        }
        if takesTransforms(na, nb) {
            let limbs: UnsafeMutablePointer<UInt64> = LimbMemory.allocate(na + nb + 1)
            transformProductInPieces(limbs, a, na, b, nb, concurrently: concurrently, afterLoading: afterPacking)
            return (limbs, na + nb + 1)
        }
        let columns = kroneckerProduct(a, na, b, nb, concurrently: concurrently, afterPacking: afterPacking)
        var capacity = product.capacity
        product.relinquish()
        releasePackedOperands()
        // In place: column k is read from word ⌊(k·step + offset)/64⌋ >= k on (step >= 64) of the
        // first product or the second (past the result's end), at or beyond the word k that receives
        // limb k, and every word of column k is read before limb k is written.
        var limbs = UnsafeMutableRawPointer(mutating: columns.first).bindMemory(to: UInt64.self, capacity: capacity)
        unpack(columns, count: na + nb - 1, into: limbs)
        // The binary products took three to four times the result's words: give the rest back, but
        // for one limb, so that a sum that follows needs no copy.
        limbs = LimbMemory.shrink(limbs, from: capacity, to: na + nb + 1)
        capacity = na + nb + 1
        return (limbs, capacity)
    }

    /// Whether a·b goes through the transforms rather than Kronecker substitution: they are on and
    /// supported, the operands have enough limbs, and a transform is long enough for the longer
    /// operand times a piece of the shorter (`transformPieceLimbs`).
    private func takesTransforms(_ na: Int, _ nb: Int) -> Bool {
        let shorter = Swift.min(na, nb)
        guard usesTransforms, shorter >= decimalTransformThreshold else { return false }
        return decimal_ntt_length(Swift.max(na, nb), Swift.min(shorter, transformPieceLimbs)) > 0
    }

    /// r = a·b, na + nb limbs, by the transforms in one product, or, when the shorter operand has
    /// more than `transformPieceLimbs` limbs (the column sums would reach the primes' product), as
    /// Σ a·b_i·R^(i·s) over pieces b_i of s limbs of the shorter operand, each added in at its offset.
    /// For operands of n limbs each, k pieces transform k·(n + n/k) columns against 2n for one product
    /// of the whole, were it possible: (k + 1)/2 times the work.
    private func transformProductInPieces(
        _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int,
        concurrently: Bool = false, afterLoading: () -> Void = {}
    ) {
        let (long, longCount, short, shortCount) = na >= nb ? (a, na, b, nb) : (b, nb, a, na)
        let pieces = (shortCount + transformPieceLimbs - 1) / transformPieceLimbs
        guard pieces > 1 else {
            transformProduct(r, a, na, b, nb, length: decimal_ntt_length(na, nb), concurrently: concurrently, afterLoading: afterLoading)
            return
        }
        let pieceLimbs = (shortCount + pieces - 1) / pieces
        let partial: UnsafeMutablePointer<UInt64> = LimbMemory.allocate(longCount + pieceLimbs)
        defer { LimbMemory.free(partial, count: longCount + pieceLimbs) }
        r.initialize(repeating: 0, count: na + nb)
        for start in stride(from: 0, to: shortCount, by: pieceLimbs) {
            let count = Swift.min(pieceLimbs, shortCount - start)
            transformProduct(partial, long, longCount, short + start, count, length: decimal_ntt_length(longCount, count),
                             concurrently: concurrently)
            // The sum so far is below R^(start + longCount + count): no carry leaves r.
            _ = decimalAdd(r + start, r + start, na + nb - start, partial, longCount + count)
        }
        afterLoading()
    }

    /// r = a·b, na + nb limbs, by the transforms: for each of the three primes p_i, the cyclic
    /// convolution of a and b modulo p_i (zero-padded to `length` >= na + nb - 1, so it is the
    /// acyclic one), then the column sums by the Chinese remainder theorem (they are below
    /// min(na, nb)·(10^19 - 1)^2 < p0·p1·p2, which `decimal_ntt_length` checks) and one pass of
    /// carries. The primes go one after the other through one buffer (two for a product): the first
    /// prime's digits wait in r, the second's in a buffer of na + nb words. `afterLoading` runs once
    /// the operands have been read. With `concurrently`, the two operands' transforms of each prime
    /// run on two threads, or for a square, the third prime on the helper thread.
    ///
    /// - Complexity: O(length · log(length)).
    private func transformProduct(
        _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int,
        length: Int, concurrently: Bool = false, afterLoading: () -> Void = {}
    ) {
        decimal_ntt_prepare(length)
        // Kronecker's buffers, from smaller products of the same computation, are not needed again.
        releasePackedOperands()
        product.release()
        let isSquare = a == b && na == nb
        let count = na + nb - 1
        let work = transforms.0.reserve(length)
        let other = isSquare && !concurrently ? work : transforms.1.reserve(length)
        let second = secondResidues.reserve((count + 7) & ~7)  // the combine step reads whole vectors
        /// Convolution modulo the prime in `x` (and the transform of b in `y`).
        func convolve(_ prime: Int32, _ x: UnsafeMutablePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
            let transformA = {
                decimal_ntt_load(x, prime, a, na, length)
                decimal_ntt_forward(x, prime, length)
            }
            if isSquare {
                transformA()
                decimal_ntt_pointwise(x, x, prime, length)
            } else {
                let transformB = {
                    decimal_ntt_load(y, prime, b, nb, length)
                    decimal_ntt_forward(y, prime, length)
                }
                if concurrently {
                    runConcurrently(transformA, transformB)
                } else {
                    transformA()
                    transformB()
                }
                decimal_ntt_pointwise(x, y, prime, length)
            }
            decimal_ntt_inverse(x, prime, length)
        }
        let firstTwo = {
            convolve(0, work, other)
            decimal_ntt_first_digits(r, work, count, length)
            convolve(1, work, other)
            second.update(from: work, count: count)
        }
        let last: UnsafeMutablePointer<Double>
        if isSquare && concurrently {
            runConcurrently(firstTwo, { convolve(2, other, other) })
            last = other
        } else {
            firstTwo()
            convolve(2, work, other)
            last = work
        }
        afterLoading()
        decimal_ntt_combine(r, count, second, last, length)
    }

    /// Where the column sums of a Kronecker product lie: column k is the `width` bits from bit
    /// k·step + offset of `even` (k even) or `odd` (k odd), each followed by four zero words
    /// (unpacking reads a slot as four whole words). `first` is the start of the buffer.
    private struct Columns {
        let even: UnsafePointer<UInt64>, odd: UnsafePointer<UInt64>, first: UnsafePointer<UInt64>
        let step: Int, offset: Int, width: Int
    }

    /// a·b at the two points ±2^v, v = ⌈w/2⌉ >= 64 (w the one-point slot): with E and O the even- and
    /// odd-indexed limbs of a placed at bit i·v, A(2^v) = E + O and A(-2^v) = E - O, likewise for b,
    /// and with P = A(2^v)B(2^v), M = A(-2^v)B(-2^v),
    ///   (P + M)/2 = Σ c_k·2^(kv) over even k,   (P - M)/2 = Σ c_k·2^(kv) over odd k,
    /// where successive columns of one parity lie 2v >= w bits apart: no overlap. GMP computes P and
    /// |M| (two products of half the size); M's sign is that of (E_a - O_a)(E_b - O_b), and
    /// P >= |M|, so P + |M| and P - |M| are the two halves' sums, in one order or the other.
    /// Measured for squares against one point: 0.80x to 0.83x from 100 to 1,100 limbs, 0.68x at
    /// 2,000, 0.88x to 0.98x at 5,000 to 20,000 and 0.84x to 0.94x at 55,000 to 110,000 (GMP's FFT
    /// sizes come in steps, so the ratio wanders).
    private func kroneckerProduct(
        _ a: UnsafePointer<UInt64>, _ na: Int, _ b: UnsafePointer<UInt64>, _ nb: Int, concurrently: Bool = false,
        afterPacking: () -> Void = {}
    ) -> Columns {
        let step = (slotWidth(columnTerms: Swift.min(na, nb)) + 1) / 2
        let isSquare = a == b && na == nb
        let left = packAtTwoPoints(a, na, step: step, into: &pointsA)
        let right = isSquare ? left : packAtTwoPoints(b, nb, step: step, into: &pointsB)
        afterPacking()
        // P and |M|, each count + 1 words (the sum's carry) and four zero words.
        let count = left.count + right.count
        let region = count + 5
        let out = product.reserve(2 * region)
        let (plus, minus) = (out, out + region)
        // |M| fills its first minusWords words; the rest of its region is zeros.
        let minusWords = left.minusCount > 0 && right.minusCount > 0 ? left.minusCount + right.minusCount : 0
        (minus + minusWords).initialize(repeating: 0, count: region - minusWords)
        let productAtPlus = { Self.binaryProduct(plus, left.plus, left.count, right.plus, right.count) }
        let productAtMinus = {
            if minusWords > 0 {
                Self.binaryProduct(minus, left.minus, left.minusCount, right.minus, right.minusCount)
            }
        }
        if concurrently {
            runConcurrently(productAtPlus, productAtMinus)
        } else {
            productAtPlus()
            productAtMinus()
        }
        // plus = P + |M|; minus = P - |M| = plus - 2|M|.
        plus[count] = __gmpn_add_n(plus, plus, minus, count)
        minus[count] = __gmpn_lshift(minus, minus, count, 1)
        _ = __gmpn_sub_n(minus, plus, minus, count + 1)
        (plus + count + 1).initialize(repeating: 0, count: 4)
        // GMP's limbs are UInt, the decimal ones UInt64: the same words.
        let (sum, difference) = (UnsafeRawPointer(plus).assumingMemoryBound(to: UInt64.self),
                                 UnsafeRawPointer(minus).assumingMemoryBound(to: UInt64.self))
        let minusIsPositive = left.evensAreLarger == right.evensAreLarger
        // Halving is reading one bit higher.
        return Columns(
            even: minusIsPositive ? sum : difference, odd: minusIsPositive ? difference : sum, first: sum,
            step: step, offset: 1, width: 2 * step)
    }

    /// r = a·b (a² when they are the same limbs) by GMP, r of na + nb words.
    private static func binaryProduct(
        _ r: UnsafeMutablePointer<UInt>, _ a: UnsafePointer<UInt>, _ na: Int, _ b: UnsafePointer<UInt>, _ nb: Int
    ) {
        if a == b && na == nb {
            __gmpn_sqr(r, a, na)
        } else if na >= nb {  // mpn_mul wants the longer operand first
            _ = __gmpn_mul(r, a, na, b, nb)
        } else {
            _ = __gmpn_mul(r, b, nb, a, na)
        }
    }

    /// One operand at the two points: `plus` = A(2^v), `count` words; `minus` = |A(-2^v)|,
    /// `minusCount` words (normalized; 0 when it is zero), with `evensAreLarger` its sign.
    private struct PackedAtTwoPoints {
        let plus: UnsafePointer<UInt>, minus: UnsafePointer<UInt>
        let count: Int, minusCount: Int, evensAreLarger: Bool
    }

    /// Packs a's limbs at bit i·step (step >= 64) into `buffers`: A(2^step) = E + O and
    /// |A(-2^step)| = |E - O| = |2E - (E + O)|.
    private func packAtTwoPoints(
        _ a: UnsafePointer<UInt64>, _ n: Int, step: Int, into buffers: inout (LimbBuffer, LimbBuffer)
    ) -> PackedAtTwoPoints {
        // Limb n - 1 ends below bit n·step (step >= 64); one spare word for the carry of doubling E.
        let count = (n * step + 63) / 64 + 1
        let (plus, evens) = (buffers.0.reserve(count), buffers.1.reserve(count))
        plus.initialize(repeating: 0, count: count)
        evens.initialize(repeating: 0, count: count)
        var bit = 0
        for i in 0..<n {
            // Adjacent limbs may share a word (step < 128): add the bits in rather than assign them.
            let index = bit >> 6, shift = bit & 63, limb = UInt(a[i])
            plus[index] |= limb << shift
            if shift != 0 { plus[index + 1] |= limb >> (64 - shift) }
            if i & 1 == 0 {
                evens[index] = limb << shift  // even limbs lie 2·step >= 128 bits apart
                if shift != 0 { evens[index + 1] = limb >> (64 - shift) }
            }
            bit += step
        }
        _ = __gmpn_lshift(evens, evens, count, 1)  // 2E < 2^(64·count): the spare word holds it
        let evensAreLarger = __gmpn_cmp(evens, plus, count) >= 0
        if evensAreLarger {
            _ = __gmpn_sub_n(evens, evens, plus, count)
        } else {
            _ = __gmpn_sub_n(evens, plus, evens, count)
        }
        var minusCount = count
        while minusCount > 0 && evens[minusCount - 1] == 0 { minusCount -= 1 }
        return PackedAtTwoPoints(plus: plus, minus: evens, count: count, minusCount: minusCount, evensAreLarger: evensAreLarger)
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

/// A growable buffer of doubles for the transforms, from GMP's allocator (so that memory counts see
/// it), aligned to 64 bytes for the vector units.
struct TransformBuffer {
    private var words = LimbBuffer()

    /// At least `count` doubles, uninitialized.
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<Double> {
        let start = UnsafeMutableRawPointer(words.reserve(count + 8))
        let aligned = start.alignedUp(toMultipleOf: 64)
        return aligned.bindMemory(to: Double.self, capacity: count)
    }

    mutating func release() {
        words.release()
    }
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
