import BigNum

// Zeckendorf's theorem: every integer x >= 0 is, in exactly one way, a sum of Fibonacci numbers
// F(k), k >= 2, no two of them consecutive. The greedy algorithm finds it (take the largest F(k) <= x,
// repeat on the rest), but a walk down the sequence costs O(k) additions of k-bit numbers for x of
// k bits: quadratic. Here the greedy choice is split in halves instead, so the conversion costs
// O(M(k) log k) with a quadratic walk only at the leaves, on numbers of a few hundred bits.

/// The Zeckendorf representation of x >= 0: the indices k, descending, each >= 2, no two
/// consecutive, with x = Σ F(k) (empty for 0).
///
/// ```swift
/// try zeckendorfRepresentation(of: 100)   // [11, 6, 4]: 100 = 89 + 8 + 3
/// ```
///
/// Throws ``FibonacciFamilyError/negativeValue(_:)`` for x < 0.
///
/// - Complexity: O(M(b) log b) for x of b bits: a divide and conquer on the index range, with four
///   products of half the node's size at each node (the quotient estimate, pred(a) and T(a)'s two),
///   one reciprocal and one Fibonacci pair per split point, shared by the nodes of a level, and a
///   greedy walk on leaves of at most 1,024 indices; the two halves of a large node run on two
///   threads. Measured at about 21 times the time of GMP's F(n) of the same size for a 10^6-digit x
///   (25 times on one thread).
public func zeckendorfRepresentation(of x: BigInt) throws(FibonacciFamilyError) -> [Int] {
    guard !x.isNegative else { throw .negativeValue(x) }
    var conversion = ZeckendorfConversion()
    var indices: [Int] = []
    indices.reserveCapacity(Int(Double(x.magnitudeBitWidth) * 0.4) + 1)
    conversion.convert(x, bound: fibonacciIndexBound(bits: x.magnitudeBitWidth), offset: 0, into: &indices)
    return indices
}

/// Σ F(k) over `indices`: the inverse of ``zeckendorfRepresentation(of:)``, for any indices k >= 0 in
/// any order, repeats allowed (Zeckendorf's conditions are not required).
///
/// Throws ``FibonacciFamilyError/negativeIndex(_:)`` for an index below 0 and
/// ``FibonacciFamilyError/indexTooLarge(index:maximum:)`` beyond ``FibonacciLimits/maximumIndex`` - 64
/// (the sum of up to 2^63 such terms fits a `BigInt`).
///
/// - Complexity: O(M(b) log b) for a b-bit result, plus sorting the indices: a divide and conquer on
///   the index range by F(s + j) = F(s + 1) F(j) + F(s) F(j - 1), additions of table values at the
///   leaves.
public func zeckendorfValue(_ indices: [Int]) throws(FibonacciFamilyError) -> BigInt {
    let maximum = FibonacciLimits.maximumIndex - 64
    for index in indices {
        guard index >= 0 else { throw .negativeIndex(BigInt(index)) }
        guard index <= maximum else { throw .indexTooLarge(index: BigInt(index), maximum: BigInt(maximum)) }
    }
    guard let largest = indices.max() else { return 0 }
    let sorted = indices.sorted()
    // A span of the leaf's size times a power of two, so that every node of a level splits at the
    // same offset and the level needs one set of Fibonacci numbers.
    var span = ZeckendorfConversion.leafIndexLimit
    while span <= largest { span *= 2 }
    var conversion = ZeckendorfConversion()
    return conversion.sumPair(sorted[...], start: 0, span: span).value
}

/// An index K with x < F(K + 1), for x of `bits` bits: F(K + 1) >= φ^(K-1) >= 2^bits once
/// K >= bits / log₂φ + 1.
func fibonacciIndexBound(bits: Int) -> Int {
    Int(Double(bits) / 0.6942419136306174) + 2
}

/// The working state of a conversion: Fibonacci numbers and √5 computed once and reused by every node.
struct ZeckendorfConversion {
    /// The largest index the leaves handle by a walk on 64-bit limbs.
    static let leafIndexLimit = 1_024

    /// F(0) ... F(leafIndexLimit + 1), each as `leafWidth` limbs, least significant first.
    static let leafTable: [UInt64] = {
        var table: [UInt64] = []
        table.reserveCapacity((leafIndexLimit + 2) * leafWidth)
        var (previous, current) = (BigInt(1), BigInt(0))  // F(-1), F(0)
        for _ in 0...(leafIndexLimit + 1) {
            let limbs = current.magnitudeLimbs
            table += limbs + [UInt64](repeating: 0, count: leafWidth - limbs.count)
            (previous, current) = (current, previous + current)
        }
        return table
    }()

    /// Limbs of F(leafIndexLimit + 1), and so of every value a leaf holds.
    static let leafWidth = fibonacciBitsBound(UInt(leafIndexLimit + 1)) / 64 + 1

    /// The limbs in use in F(k + 1), by k: a value below F(k + 1) needs no more, so the leaf compares
    /// and subtracts only those.
    static let leafLengths: [Int] = (0...leafIndexLimit).map { k in
        let row = (k + 1) * leafWidth
        return (0..<leafWidth).last { leafTable[row + $0] != 0 }.map { $0 + 1 } ?? 1
    }

    /// (F(h - 1), F(h)) by index, for the split points met so far.
    private var fibonacciPairs: [Int: (previous: BigInt, current: BigInt)] = [:]
    /// The reciprocal of F(h) + F(h-1)/φ by split point h, for the quotient estimates.
    private var reciprocals: [Int: SplitReciprocal] = [:]
    /// ⌊√5 · 2^q⌋ at the largest precision q asked for so far; smaller ones are shifts of it.
    private var scaledSqrt5 = (value: BigInt(0), precision: -1)

    // MARK: From x to indices

    /// Appends the Zeckendorf indices of x, each plus `offset`, descending, for 0 <= x < F(K + 1).
    ///
    /// With h = K/2, the indices above h (call them h - 1 + j, j >= 2) sum to
    ///   Σ F(h - 1 + j) = F(h) Σ F(j) + F(h - 1) Σ F(j - 1) = F(h) a + F(h - 1) pred(a) = T(a),
    /// where a = Σ F(j) has the Zeckendorf indices j, and pred(a) = Σ F(j - 1) = ⌊(a + 1)/φ⌋ (see
    /// `PredecessorSum`). The greedy choice takes the largest sum of such terms not above x, and T is
    /// increasing, so a is the largest integer with T(a) <= x: found from a quotient estimate and
    /// a step or two. The rest, x - T(a), is below F(h + 1) (below F(h) when j = 2 is taken), and
    /// its representation, with indices up to h, completes x's.
    ///
    /// h is K/2 rounded down to two significant bits (2^t or 3·2^(t-1)), so h > K/3 and the halves
    /// stay within 2:1, while the nodes of a level share their h, its Fibonacci numbers and its
    /// reciprocal.
    mutating func convert(_ x: BigInt, bound: Int, offset: Int, into indices: inout [Int]) {
        if x.isZero { return }
        let bound = min(bound, fibonacciIndexBound(bits: x.magnitudeBitWidth))
        if bound <= Self.leafIndexLimit {
            appendGreedyIndices(x, bound: bound, offset: offset, into: &indices)
            return
        }
        let h = Self.splitPoint(bound)
        let (fibonacciBelow, fibonacciAt) = fibonacci(pairAt: h)  // F(h - 1), F(h)
        var high = estimateHighPart(x, splitPoint: h, fibonacciAt: fibonacciAt)
        // A precision for pred(a) that stays ample for a few steps either side of the estimate.
        let precision = high.magnitudeBitWidth + 70
        let predecessor = PredecessorSum(
            high + 1, precision: precision, w: scaledSqrt5(precision: precision) - (BigInt(1) << precision))
        var c: BigInt = predecessor.c
        var product: BigInt = predecessor.product
        var predecessorOfHigh = predecessor.value
        // rest = x - T(high), exactly.
        var rest = x - fibonacciAt * high - fibonacciBelow * predecessorOfHigh
        while rest.isNegative {
            // Invariant: rest = x - T(high). Step down: T(a) - T(a - 1) = F(h) + F(h-1)(pred(a) - pred(a-1)).
            (c, product) = (c - 1, product - predecessor.w)
            high -= 1
            let lower = predecessor.value(c: c, product: product)
            rest += fibonacciAt + fibonacciBelow * (predecessorOfHigh - lower)
            predecessorOfHigh = lower
        }
        while true {
            // Invariant: rest = x - T(high) >= 0. Step up while T(high + 1) <= x.
            let upper = predecessor.value(c: c + 1, product: product + predecessor.w)
            let increase = fibonacciAt + fibonacciBelow * (upper - predecessorOfHigh)
            guard rest >= increase else { break }
            rest -= increase
            high += 1
            (c, product) = (c + 1, product + predecessor.w)
            predecessorOfHigh = upper
        }
        // The high indices j of `high` are at most K - h + 1; the rest's are at most h.
        if bound >= Self.parallelIndexBound && HelperThread.isAvailable {
            // The two halves are independent: the rest's on the helper thread, with a copy of the
            // caches (a value: the two copies never touch the same storage), its indices appended after.
            var other = self
            var restIndices: [Int] = []
            runConcurrently({ convert(high, bound: bound - h + 1, offset: offset + h - 1, into: &indices) },
                            { other.convert(rest, bound: h, offset: offset, into: &restIndices) })
            indices += restIndices
        } else {
            convert(high, bound: bound - h + 1, offset: offset + h - 1, into: &indices)
            convert(rest, bound: h, offset: offset, into: &indices)
        }
    }

    /// Index bound from which a node converts its two halves on two threads (about 21,000 digits):
    /// below it the halves take less than the hand-over costs to matter.
    static let parallelIndexBound = 100_000

    /// h for the bound K: K/2 rounded down to 2^t or 3·2^(t-1), so K/3 < h <= K/2.
    static func splitPoint(_ bound: Int) -> Int {
        let half = bound / 2
        let power = 1 << (Int.bitWidth - 1 - half.leadingZeroBitCount)
        return half >= 3 * (power / 2) ? 3 * (power / 2) : power
    }

    /// An estimate, within a few units, of the largest a with T(a) <= x: T(a) differs from a L, with
    /// L = F(h) + F(h-1)/φ, by less than F(h - 1), so a ≈ x / L, taken as the top bits of x times a
    /// reciprocal of L, both cut to 70 bits beyond a's size (relative error below 2^-62 in all).
    private mutating func estimateHighPart(_ x: BigInt, splitPoint h: Int, fibonacciAt: BigInt) -> BigInt {
        let significantBits = max(1, x.magnitudeBitWidth - fibonacciAt.magnitudeBitWidth + 2) + 70
        let reciprocal = reciprocal(at: h, significantBits: significantBits)
        let dropped = max(0, x.magnitudeBitWidth - significantBits)
        return (x.shiftedDown(by: dropped) * reciprocal.value).shiftedDown(by: reciprocal.shift - dropped)
    }

    /// ⌊2^shift / L⌋ for L = F(h) + F(h-1)/φ, to `significantBits` bits: a shift of the one kept for h
    /// when that is precise enough, else computed anew with a quarter more precision, so that the
    /// other nodes of the level, of about the same size, find it precise enough.
    ///
    /// Only the top bits take part: with G bits wanted, F(h) and F(h - 1) cut to G + 8 bits (their
    /// common shift e), L·2^(q+1-e) formed with 2^(q+1)/φ = 2^q (√5 - 1) to within a unit or two, cut
    /// to G + 16 bits (shift s), and one division of a (2G + 16)-bit power of two by it. Each cut
    /// costs a relative 2^-(G+6) at most, so the reciprocal keeps G - 4 correct bits.
    private mutating func reciprocal(at h: Int, significantBits: Int) -> SplitReciprocal {
        if let kept = reciprocals[h], kept.significantBits >= significantBits {
            let excess = kept.significantBits - significantBits
            return SplitReciprocal(value: kept.value.shiftedDown(by: excess), shift: kept.shift - excess, significantBits: significantBits)
        }
        let (fibonacciBelow, fibonacciAt) = fibonacci(pairAt: h)
        let precision = significantBits + significantBits / 4
        let e = max(0, fibonacciAt.magnitudeBitWidth - precision - 8)
        let q = precision + 10
        let scaledL = (fibonacciAt.shiftedDown(by: e) << (q + 1))
            + fibonacciBelow.shiftedDown(by: e) * (scaledSqrt5(precision: q) - (BigInt(1) << q))
        let s = max(0, scaledL.magnitudeBitWidth - precision - 16)
        let power = 2 * precision + 16
        // L ≈ ⌊scaledL / 2^s⌋ · 2^(s + e - q - 1), so 1/L ≈ value · 2^-(power + s + e - q - 1).
        let value = (BigInt(1) << power) / scaledL.shiftedDown(by: s)
        reciprocals[h] = SplitReciprocal(value: value, shift: power + s + e - q - 1, significantBits: precision)
        return reciprocal(at: h, significantBits: significantBits)
    }

    /// Greedy on 64-bit limbs, for x < F(K + 1) with K <= leafIndexLimit: from F(K) down, take F(k)
    /// when it is at most what remains, then skip F(k - 1) (what remains is now below F(k - 1)).
    private func appendGreedyIndices(_ x: BigInt, bound: Int, offset: Int, into indices: inout [Int]) {
        let width = Self.leafWidth
        var limbs = x.magnitudeLimbs
        limbs += [UInt64](repeating: 0, count: width - limbs.count)
        limbs.withUnsafeMutableBufferPointer { remaining in
            Self.leafTable.withUnsafeBufferPointer { table in
            var k = bound
            while k >= 2 {
                // Invariant: remaining < F(k + 1), and the indices taken so far are above k + 1.
                let row = table.baseAddress! + k * width
                let length = Self.leafLengths[k]
                if !isLess(remaining.baseAddress!, row, length) {
                    subtract(remaining.baseAddress!, row, length)
                    indices.append(k + offset)
                    k -= 2
                } else {
                    k -= 1
                }
            }
            }
        }
    }

    // MARK: From indices to the sum

    /// (Σ F(k - start), Σ F(k - start - 1)) over `indices` (ascending, all in start ..< start + span),
    /// by halves: with s = span/2 and j = k - start - s for the upper half,
    ///   F(s + j) = F(s + 1) F(j) + F(s) F(j - 1),   F(s + j - 1) = F(s) F(j) + F(s - 1) F(j - 1).
    mutating func sumPair(_ indices: ArraySlice<Int>, start: Int, span: Int) -> (value: BigInt, shifted: BigInt) {
        if indices.isEmpty { return (0, 0) }
        if span <= Self.leafIndexLimit { return leafSumPair(indices, start: start) }
        let half = span / 2
        let split = firstIndex(in: indices, notBelow: start + half)
        let lower = sumPair(indices[..<split], start: start, span: half)
        let upper = sumPair(indices[split...], start: start + half, span: half)
        if upper.value.isZero && upper.shifted.isZero { return lower }
        let (fibonacciBelow, fibonacciAt) = fibonacci(pairAt: half)  // F(s - 1), F(s)
        let fibonacciAbove = fibonacciBelow + fibonacciAt  // F(s + 1)
        return (lower.value + fibonacciAbove * upper.value + fibonacciAt * upper.shifted,
                lower.shifted + fibonacciAt * upper.value + fibonacciBelow * upper.shifted)
    }

    /// The same sums at a leaf (k - start < leafIndexLimit), added up on 64-bit limbs from the table;
    /// F(-1) = 1. Two spare limbs hold the carries of up to 2^63 terms.
    private func leafSumPair(_ indices: ArraySlice<Int>, start: Int) -> (value: BigInt, shifted: BigInt) {
        let width = Self.leafWidth
        var value = [UInt64](repeating: 0, count: width + 2)
        var shifted = [UInt64](repeating: 0, count: width + 2)
        Self.leafTable.withUnsafeBufferPointer { table in
            for index in indices {
                let j = index - start
                add(&value, table.baseAddress! + j * width, width)
                if j == 0 { add(&shifted, [1], 1) } else { add(&shifted, table.baseAddress! + (j - 1) * width, width) }
            }
        }
        return (value.withUnsafeBufferPointer { BigInt(limbs: $0) }, shifted.withUnsafeBufferPointer { BigInt(limbs: $0) })
    }

    // MARK: Shared values

    /// (F(h - 1), F(h)), computed once per h.
    private mutating func fibonacci(pairAt h: Int) -> (previous: BigInt, current: BigInt) {
        if let pair = fibonacciPairs[h] { return pair }
        let pair = fibonacciPair(h)
        fibonacciPairs[h] = pair
        return pair
    }

    /// ⌊√5 · 2^q⌋: a shift of the value at the largest precision so far (⌊⌊y⌋ / 2^d⌋ = ⌊y / 2^d⌋),
    /// or a new square root when q is larger.
    private mutating func scaledSqrt5(precision q: Int) -> BigInt {
        if q > scaledSqrt5.precision {
            scaledSqrt5 = ((BigInt(5) << (2 * q)).squareRoot(), q)
        }
        return scaledSqrt5.value.shiftedDown(by: scaledSqrt5.precision - q)
    }
}

/// The position of the first element >= `value` in the ascending `indices` (its end index when
/// there is none), by binary search.
private func firstIndex(in indices: ArraySlice<Int>, notBelow value: Int) -> Int {
    var (low, high) = (indices.startIndex, indices.endIndex)
    while low < high {
        // Invariant: every element before `low` is below `value`; every element from `high` on is not.
        let middle = low + (high - low) / 2
        if indices[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
}

/// ⌊2^shift / L⌋ with `significantBits` bits, L = F(h) + F(h-1)/φ, for the estimates at one split point.
struct SplitReciprocal {
    let value: BigInt
    let shift: Int
    let significantBits: Int
}

/// pred(a) = Σ F(j - 1) over the Zeckendorf indices j of a, which is ⌊(a + 1)/φ⌋: since
/// F(j)/φ - F(j - 1) = ψ^(j-1)/φ (ψ = -1/φ), a/φ - pred(a) = (1/φ) Σ ψ^(j-1) over non-consecutive
/// j - 1 >= 1, a sum strictly inside (-1, 1/φ); so pred(a) lies in (a/φ - 1/φ², a/φ + 1/φ), an open
/// interval of length 1 that holds exactly one integer, ⌊a/φ + 1/φ⌋.
///
/// With c = a + 1 and w = ⌊√5 · 2^q⌋ - 2^q <= 2^q (√5 - 1): c w / 2^(q+1) is below c/φ by less than
/// c / 2^(q+1), so its floor is c/φ's floor unless its fraction is within that of 1; then one exact
/// test settles it: b + 1 <= c/φ exactly when (2b + 2 + c)² <= 5c² (equality would make √5 rational).
struct PredecessorSum {
    let precision: Int
    /// ⌊√5 · 2^q⌋ - 2^q.
    let w: BigInt
    let c: BigInt
    let product: BigInt

    init(_ c: BigInt, precision: Int, w: BigInt) {
        self.precision = precision
        self.w = w
        self.c = c
        product = c * w
    }

    var value: BigInt { value(c: c, product: product) }

    /// ⌊c/φ⌋ from `product` = c·w; c must stay below 2^(precision - 64) for the test to be rare.
    func value(c: BigInt, product: BigInt) -> BigInt {
        var floor = product.shiftedDown(by: precision + 1)
        // The fraction's bits, below the point: within c of 2^(q+1) only in rare cases.
        if product.lowBits(precision + 1) + c > BigInt(1) << (precision + 1) {
            let candidate = (floor << 1) + 2 + c
            if candidate.squared() <= 5 * c.squared() { floor += 1 }
        }
        return floor
    }
}

// MARK: - Limb arithmetic for the leaves

/// Whether the `count`-limb number `a` is below `b`, comparing from the most significant limb.
@inline(__always)
private func isLess(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ count: Int) -> Bool {
    for index in stride(from: count - 1, through: 0, by: -1) where a[index] != b[index] {
        return a[index] < b[index]
    }
    return false
}

/// a -= b on `count` limbs, for a >= b (so the final borrow is zero).
@inline(__always)
private func subtract(_ a: UnsafeMutablePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ count: Int) {
    var borrow: UInt64 = 0
    for index in 0..<count {
        let (partial, overflow1) = a[index].subtractingReportingOverflow(b[index])
        let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
        a[index] = difference
        borrow = (overflow1 || overflow2) ? 1 : 0
    }
}

/// a += b, b of `count` limbs, carrying into a's further limbs (a has room: see `leafSumPair`).
@inline(__always)
private func add(_ a: inout [UInt64], _ b: UnsafePointer<UInt64>, _ count: Int) {
    var carry: UInt64 = 0
    var index = 0
    while index < count || carry != 0 {
        let addend = index < count ? b[index] : 0
        let (partial, overflow1) = a[index].addingReportingOverflow(addend)
        let (sum, overflow2) = partial.addingReportingOverflow(carry)
        a[index] = sum
        carry = (overflow1 || overflow2) ? 1 : 0
        index += 1
    }
}
