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
/// - Complexity: O(M(b) log b) for x of b bits: a divide and conquer on the index range, with two
///   products of half the node's size at each node (the quotient estimate and pred(a)) and two
///   products modulo B^n - 1 of F(h)'s size for the rest x - T(a), each about 0.45 of a product; one
///   reciprocal and one Fibonacci pair per split point, shared by the nodes of a level (the pairs
///   doubled from the level below); and a greedy walk on leaves of at most 1,024 indices. The top
///   node splits x at its middle index, beside the levels' preparation, and its two halves run on
///   two threads. Measured at about 10 times the time of GMP's F(n) of the same size for a
///   10^6-digit x (17 times on one thread).
public func zeckendorfRepresentation(of x: BigInt) throws(FibonacciFamilyError) -> [Int] {
    guard !x.isNegative else { throw .negativeValue(x) }
    var conversion = ZeckendorfConversion()
    var indices: [Int] = []
    indices.reserveCapacity(Int(Double(x.magnitudeBitWidth) * 0.4) + 1)
    conversion.convertRoot(x, into: &indices)
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

/// The working state of a conversion: Fibonacci numbers, reciprocals and 2^(q+1)/φ computed once and
/// reused by every node.
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
    /// The reciprocal of the Lucas number L(h - 1) = 2F(h) - F(h - 1) ≈ φ^(h-1) by split point h, for
    /// the quotient estimates.
    private var reciprocals: [Int: SplitReciprocal] = [:]
    /// w with 2^(q+1)/φ - 2 < w <= 2^(q+1)/φ, at the largest precision q asked for so far; smaller
    /// ones are shifts of it.
    private var inverseGolden = (value: BigInt(0), precision: -1)

    // MARK: From x to indices

    /// Appends the Zeckendorf indices of x, descending, for x >= 0: `convert` on the whole, except
    /// that a large x is split once at h = K/2 exactly (there is one node at the top, nothing to
    /// share), so that its two halves take about as long, while the split points below are planned
    /// (`plannedSplitPoints`) and their Fibonacci pairs and reciprocals computed (`preparePairs`,
    /// `prepareReciprocals`). With a helper thread that work runs beside the top node's, in three
    /// steps: F(h) beside the pairs; the estimate of the high part beside 2^(q+1)/φ from F(h - 1)/F(h)
    /// (`inverseGolden(precision:from:index:)`); the rest of the top node beside the reciprocals.
    /// Then the two halves are converted at the same time.
    mutating func convertRoot(_ x: BigInt, into indices: inout [Int]) {
        let bound = fibonacciIndexBound(bits: x.magnitudeBitWidth)
        guard bound >= Self.plannedIndexBound else {
            convert(x, bound: bound, offset: 0, into: &indices)
            return
        }
        let h = bound / 2
        let splitPoints = Self.plannedSplitPoints(highBound: bound - h + 1, restBound: h)
        let isParallel = bound >= Self.parallelIndexBound && HelperThread.isAvailable
        func both(_ first: () -> Void, _ second: () -> Void) {
            if isParallel { runConcurrently(first, second) } else { first(); second() }
        }
        // Each thread works on its own value of the caches (the copies never touch the same
        // storage); the helper's are taken over once both are done.
        var helper = ZeckendorfConversion()
        var pair = (previous: BigInt(0), current: BigInt(0))
        both({ pair = fibonacci(pairAt: h) }, { helper.preparePairs(splitPoints) })
        // pred(a) here asks for the most precision of the whole conversion: a's bits and 70 more.
        let precision = Self.significantBits(x, fibonacciAt: pair.current) + 2
        var (estimate, inverse) = (BigInt(0), BigInt(0))
        both({ estimate = estimateHighPart(x, splitPoint: h) },
             { inverse = Self.inverseGolden(precision: precision, from: pair, index: h) })
        inverseGolden = (inverse, precision)
        var (high, rest) = (BigInt(0), BigInt(0))
        both({ (high, rest, _) = split(x, splitPoint: h, estimate: estimate) },
             { helper.prepareReciprocals(splitPoints) })
        take(helper)
        var other = self
        var restIndices: [Int] = []
        both({ convert(high, bound: bound - h + 1, offset: h - 1, into: &indices) },
             { other.convert(rest, bound: h, offset: 0, into: &restIndices) })
        indices += restIndices
    }

    /// The split points of the nodes below a top node whose halves have the bounds given, each with
    /// the largest bound of a node that splits there, level by level. (`convert` lowers a node's bound
    /// to its value's size: such a node may split at a point not planned, which is then computed
    /// when it is met.)
    static func plannedSplitPoints(highBound: Int, restBound: Int) -> [Int: Int] {
        var largestBounds: [Int: Int] = [:]
        var bounds: Set<Int> = [highBound, restBound]
        while !bounds.isEmpty {
            // Invariant: `bounds` holds the distinct bounds of one level; those above have been planned.
            var next: Set<Int> = []
            for bound in bounds where bound > leafIndexLimit {
                let h = splitPoint(bound)
                largestBounds[h] = max(largestBounds[h] ?? 0, bound)
                next.insert(bound - h + 1)
                next.insert(h)
            }
            bounds = next
        }
        return largestBounds
    }

    /// The Fibonacci pairs of the planned split points, in ascending order, each doubled from its
    /// half's when that was planned too (most are: the split points are 2^t and 3·2^(t-1)).
    mutating func preparePairs(_ splitPoints: [Int: Int]) {
        for h in splitPoints.keys.sorted() {
            if h.isMultiple(of: 2), let half = fibonacciPairs[h / 2] {
                fibonacciPairs[h] = Self.doubled(half, index: h / 2)
            } else {
                _ = fibonacci(pairAt: h)
            }
        }
    }

    /// The reciprocals of the planned split points (h with the largest bound K of its nodes), after
    /// `preparePairs`: each with exactly the precision a node of bound K asks for (x < F(K + 1) has
    /// at most ⌊(K + 1) log₂φ⌋ + 1 bits), none spare.
    mutating func prepareReciprocals(_ splitPoints: [Int: Int]) {
        for (h, bound) in splitPoints {
            let bits = Int(Double(bound + 1) * 0.6942419136306174) + 1
            _ = reciprocal(at: h, significantBits: bits - fibonacciPairs[h]!.current.magnitudeBitWidth + 72, isShared: false)
        }
    }

    /// Takes over the Fibonacci pairs, the reciprocals and 2^(q+1)/φ of `other` where they are new or
    /// more precise.
    mutating func take(_ other: ZeckendorfConversion) {
        fibonacciPairs.merge(other.fibonacciPairs) { kept, _ in kept }
        reciprocals.merge(other.reciprocals) { kept, new in kept.significantBits >= new.significantBits ? kept : new }
        if other.inverseGolden.precision > inverseGolden.precision { inverseGolden = other.inverseGolden }
    }

    /// (F(2m - 1), F(2m)) from (F(m - 1), F(m)), by two squarings:
    ///   F(2m - 1) = F(m)² + F(m - 1)²,   F(2m + 1) = 4 F(m)² - F(m - 1)² + 2(-1)^m,   F(2m) = F(2m + 1) - F(2m - 1).
    static func doubled(_ pair: (previous: BigInt, current: BigInt), index m: Int) -> (previous: BigInt, current: BigInt) {
        let (square, previousSquare) = (pair.current.squared(), pair.previous.squared())
        let below = square + previousSquare
        let above = 4 * square - previousSquare + (m.isMultiple(of: 2) ? 2 : -2)
        return (below, above - below)
    }

    /// Index bound from which `convertRoot` splits the top node at K/2 and plans the levels below
    /// (about 4,000 digits); smaller values go straight to `convert`.
    static let plannedIndexBound = 20_000

    /// Index bound from which the top node's two halves are converted on two threads (about 21,000
    /// digits): below it the halves take less than the hand-over costs to matter.
    static let parallelIndexBound = 100_000

    /// Appends the Zeckendorf indices of x, each plus `offset`, descending, for 0 <= x < F(K + 1):
    /// a leaf's greedy walk when K <= leafIndexLimit, else `split` at h = `splitPoint(K)` and the
    /// halves' indices, above h - 1 (offset by h - 1) and up to h.
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
        let (high, rest, isTie) = split(x, splitPoint: h, mayLeaveTie: true)
        // The high indices j of `high` are at most K - h + 1; the rest's are at most h. A tie left
        // open is settled by high's smallest index, the last appended: 2 (h + 1 in x) takes F(h - 1)
        // more from the rest.
        convert(high, bound: bound - h + 1, offset: offset + h - 1, into: &indices)
        let isSmallestTwo = isTie && indices.last == offset + h + 1
        convert(isSmallestTwo ? rest - fibonacci(pairAt: h).previous : rest, bound: h, offset: offset, into: &indices)
    }

    /// (a, x - T(a)) for the split point h: the high part and the rest of x, for x >= 0.
    ///
    /// The indices above h (call them h - 1 + j, j >= 2) sum to
    ///   Σ F(h - 1 + j) = F(h) Σ F(j) + F(h - 1) Σ F(j - 1) = F(h) a + F(h - 1) pred(a) = T(a),
    /// where a = Σ F(j) has the Zeckendorf indices j, and pred(a) = Σ F(j - 1) = ⌊(a + 1)/φ⌋ (see
    /// `PredecessorSum`). The greedy choice takes the largest sum of such terms not above x, and T is
    /// increasing, so a is the largest integer with T(a) <= x: found from a quotient estimate and
    /// a step or two. The rest, x - T(a), is below F(h + 1) (below F(h) when j = 2 is taken), and
    /// its representation, with indices up to h, completes x's. The rest is computed modulo B^n - 1
    /// (`remainder`).
    ///
    /// `isTie`: pred(high) may be one more than `rest` assumes, which it then is exactly when high's
    /// smallest index is 2 (and rest is one F(h - 1) less). Only with `mayLeaveTie`, and only where
    /// high is the largest a with T(a) <= x either way: no step taken, rest >= F(h - 1). At a tie c/φ
    /// is within 2^-64 of b + 1 (c = high + 1, b the pred assumed), so pred(c) = b + 1, and
    /// c/φ - pred(c) = (1/φ) Σ ψ^(j-1) over c's indices has the sign of its first term, (-1)^(j₀-1)
    /// for c's smallest index j₀ (the others add up to less): b + 1 is the floor when j₀ is odd. Adding
    /// 1 carries a run F(2) + F(4) + ... + F(2r) at high's bottom up to F(2r + 1) (j₀ odd), a run
    /// F(3) + F(5) + ... + F(2r + 1) up to F(2r + 2) (j₀ even), and leaves j₀ = 2 when high's smallest
    /// index is above 3.
    ///
    /// `estimate`: the high part's estimate, when the caller has it (the top node's, by a division);
    /// else the shared reciprocal of the split point gives it.
    mutating func split(_ x: BigInt, splitPoint h: Int, estimate: BigInt? = nil, mayLeaveTie: Bool = false)
        -> (high: BigInt, rest: BigInt, isTie: Bool) {
        let (fibonacciBelow, fibonacciAt) = fibonacci(pairAt: h)  // F(h - 1), F(h)
        var high = estimate ?? estimateHighPart(x, splitPoint: h, fibonacciAt: fibonacciAt)
        // A precision for pred(a) that stays ample for a few steps either side of the estimate.
        let precision = high.magnitudeBitWidth + 70
        let predecessor = PredecessorSum(high + 1, precision: precision, w: inverseGolden(precision: precision))
        var c: BigInt = predecessor.c
        var product: BigInt = predecessor.product
        var (predecessorOfHigh, isTie) = predecessor.candidate(c: c, product: product)
        // rest = x - T(high), exactly, for pred(high) = predecessorOfHigh.
        var rest = Self.remainder(x, fibonacciBelow: fibonacciBelow, fibonacciAt: fibonacciAt,
                                  high: high, predecessorOfHigh: predecessorOfHigh)
        if isTie && (!mayLeaveTie || rest < fibonacciBelow) {
            // Settled now: a tie left open must leave high right whichever it is (see below).
            let settled = predecessor.settled(c: c, floor: predecessorOfHigh)
            if settled != predecessorOfHigh { (predecessorOfHigh, rest) = (settled, rest - fibonacciBelow) }
            isTie = false
        }
        while rest.isNegative {
            // Invariant: rest = x - T(high). Step down: T(a) - T(a - 1) = F(h) + F(h-1)(pred(a) - pred(a-1)).
            (c, product) = (c - 1, product - predecessor.w)
            high -= 1
            let lower = predecessor.value(c: c, product: product)
            rest += fibonacciAt + fibonacciBelow * (predecessorOfHigh - lower)
            predecessorOfHigh = lower
        }
        while rest >= fibonacciAt {
            // Invariant: rest = x - T(high) >= 0. Step up while T(high + 1) <= x; the step is
            // F(h) or F(h + 1), so none is possible while rest < F(h), the common case.
            let upper = predecessor.value(c: c + 1, product: product + predecessor.w)
            let increase = fibonacciAt + fibonacciBelow * (upper - predecessorOfHigh)
            guard rest >= increase else { break }
            rest -= increase
            high += 1
            (c, product) = (c + 1, product + predecessor.w)
            (predecessorOfHigh, isTie) = (upper, false)
        }
        return (high, rest, isTie)
    }

    /// x - F(h) a - F(h-1) p, for p = pred(a) and a within 2^62 of the largest a* with T(a*) <= x.
    ///
    /// T(a) - T(a*) = F(h)(a - a*) + F(h-1)(pred(a) - pred(a*)), and pred moves by at most one unit
    /// per unit of a, so it is within (|a - a*| + 1) F(h+1) of 0; x - T(a*) is in [0, F(h+1)). The
    /// difference thus lies within 2^63 F(h+1) of 0, and it is the one value there congruent to it
    /// modulo B^n - 1 (B = 2^64) once B^n > 2^65 F(h): two products modulo B^n - 1 of F(h)'s size,
    /// each about 0.45 of a whole product of that size, where the whole products take a and p, up to
    /// twice as long, in full. Below `wrappedRemainderBits` the whole products cost less than the folds.
    static func remainder(_ x: BigInt, fibonacciBelow: BigInt, fibonacciAt: BigInt, high: BigInt,
                          predecessorOfHigh: BigInt) -> BigInt {
        let bits = fibonacciAt.magnitudeBitWidth
        if bits < wrappedRemainderBits {
            return x - fibonacciAt * high - fibonacciBelow * predecessorOfHigh
        }
        let n = BigInt.wrappedProductSize(atLeast: (bits + 65) / 64 + 1)
        let modulus = (BigInt(1) << (64 * n)) - 1
        var residue = x.wrapped(limbs: n) - fibonacciAt.wrappedProduct(high, limbs: n)
            - fibonacciBelow.wrappedProduct(predecessorOfHigh, limbs: n)
        while residue.isNegative {
            // Invariant: residue ≡ x - T(high) (mod B^n - 1), and residue > -2(B^n - 1).
            residue += modulus
        }
        // The difference if it is below 2^(64n - 1) (it is then not negative), else that less B^n - 1.
        return residue.magnitudeBitWidth < 64 * n ? residue : residue - modulus
    }

    /// Bits of F(h) from which ``remainder(_:fibonacciBelow:fibonacciAt:high:predecessorOfHigh:)``
    /// works modulo B^n - 1.
    static let wrappedRemainderBits = 4_096

    /// h for the bound K: K/2 rounded down to 2^t or 3·2^(t-1), so K/3 < h <= K/2.
    static func splitPoint(_ bound: Int) -> Int {
        let half = bound / 2
        let power = 1 << (Int.bitWidth - 1 - half.leadingZeroBitCount)
        return half >= 3 * (power / 2) ? 3 * (power / 2) : power
    }

    /// An estimate, within a few units, of the largest a with T(a) <= x: T(a) = φ^(h-1) a + F(h-1) σ
    /// with |σ| < 1 (F(h - 1 + j) = φ^(h-1) F(j) + ψ^j F(h - 1)), so a ≈ x / φ^(h-1). For φ^(h-1) the
    /// Lucas number L = L(h - 1) = F(h) + F(h - 2) = 2F(h) - F(h - 1) serves, within φ^-(h-1) of it:
    /// that moves x/L by a φ^-2(h-1) < φ^(K-3h+3) < 5 units, as a < φ^(K-h+1) and K < 3h. The estimate
    /// is the top bits of x times a reciprocal of L, both cut to 70 bits beyond a's size.
    private mutating func estimateHighPart(_ x: BigInt, splitPoint h: Int, fibonacciAt: BigInt) -> BigInt {
        let significantBits = Self.significantBits(x, fibonacciAt: fibonacciAt)
        let reciprocal = reciprocal(at: h, significantBits: significantBits, isShared: true)
        let dropped = max(0, x.magnitudeBitWidth - significantBits)
        return (x.shiftedDown(by: dropped) * reciprocal.value).shiftedDown(by: reciprocal.shift - dropped)
    }

    /// The same estimate by one division, ⌊x / L⌋ on the top bits of both, for a node that has its
    /// split point to itself (the top one): about the cost of computing the reciprocal, and no product.
    private mutating func estimateHighPart(_ x: BigInt, splitPoint h: Int) -> BigInt {
        let (fibonacciBelow, fibonacciAt) = fibonacci(pairAt: h)
        let significantBits = Self.significantBits(x, fibonacciAt: fibonacciAt)
        let lucas = 2 * fibonacciAt - fibonacciBelow
        let (xDropped, lucasDropped) = (max(0, x.magnitudeBitWidth - significantBits),
                                        max(0, lucas.magnitudeBitWidth - significantBits - 16))
        // x / L ≈ (x / 2^xDropped) · 2^(xDropped - lucasDropped) / (L / 2^lucasDropped).
        let shift = xDropped - lucasDropped
        let top = x.shiftedDown(by: xDropped), divisor = lucas.shiftedDown(by: lucasDropped)
        return shift >= 0 ? (top << shift) / divisor : top / (divisor << -shift)
    }

    /// The bits the estimate of a keeps: a's size bound, x's bits less F(h)'s plus 2, and 70 more.
    static func significantBits(_ x: BigInt, fibonacciAt: BigInt) -> Int {
        max(1, x.magnitudeBitWidth - fibonacciAt.magnitudeBitWidth + 2) + 70
    }

    /// ⌊2^shift / L⌋ for the Lucas number L = 2F(h) - F(h - 1) (see `estimateHighPart`), to
    /// `significantBits` bits: a shift of the one kept for h when that is precise enough, else
    /// computed anew; `isShared`, with a quarter more precision, so that the other nodes of the level,
    /// of about the same size, find it precise enough (`prepareReciprocals` asks for exactly what the
    /// level needs).
    ///
    /// Only the top bits take part: with G bits wanted, L cut to G + 16 bits (shift s), and one
    /// division of a (2G + 16)-bit power of two by it: the cut costs a relative 2^-(G+15), the floor
    /// of the quotient (at least 2^G) 2^-G, so the reciprocal keeps G - 1 correct bits.
    private mutating func reciprocal(at h: Int, significantBits: Int, isShared: Bool) -> SplitReciprocal {
        if let kept = reciprocals[h], kept.significantBits >= significantBits {
            let excess = kept.significantBits - significantBits
            return SplitReciprocal(value: kept.value.shiftedDown(by: excess), shift: kept.shift - excess, significantBits: significantBits)
        }
        let (fibonacciBelow, fibonacciAt) = fibonacci(pairAt: h)
        let precision = isShared ? significantBits + significantBits / 4 : significantBits
        let lucas = 2 * fibonacciAt - fibonacciBelow
        let s = max(0, lucas.magnitudeBitWidth - precision - 16)
        let power = 2 * precision + 16
        // L ≈ ⌊L / 2^s⌋ · 2^s, so 1/L ≈ value · 2^-(power + s).
        let value = (BigInt(1) << power) / lucas.shiftedDown(by: s)
        reciprocals[h] = SplitReciprocal(value: value, shift: power + s, significantBits: precision)
        return reciprocal(at: h, significantBits: significantBits, isShared: isShared)
    }

    /// Greedy on 64-bit limbs, for x < F(K + 1) with K <= leafIndexLimit: from F(K) down, take F(k)
    /// when it is at most what remains, then skip F(k - 1) (what remains is now below F(k - 1)).
    private func appendGreedyIndices(_ x: BigInt, bound: Int, offset: Int, into indices: inout [Int]) {
        let width = Self.leafWidth
        var limbs = x.magnitudeLimbs
        limbs += [UInt64](repeating: 0, count: width - limbs.count)
        limbs.withUnsafeMutableBufferPointer { remaining in
            Self.leafTable.withUnsafeBufferPointer { table in
            Self.leafLengths.withUnsafeBufferPointer { lengths in
            var k = bound
            while k >= 2 {
                // Invariant: remaining < F(k + 1), and the indices taken so far are above k + 1.
                let row = table.baseAddress! + k * width
                let length = lengths[k]
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

    /// w with 2^(q+1)/φ - 2 < w <= 2^(q+1)/φ: a shift of the value at the largest precision so far
    /// (⌊w / 2^d⌋ loses less than one more unit), or, when q is larger, ⌊√5 · 2^q⌋ - 2^q, which is
    /// within one unit below 2^q (√5 - 1) = 2^(q+1)/φ.
    private mutating func inverseGolden(precision q: Int) -> BigInt {
        if q > inverseGolden.precision {
            inverseGolden = (((BigInt(5) << (2 * q)).squareRoot()) - (BigInt(1) << q), q)
        }
        return inverseGolden.value.shiftedDown(by: inverseGolden.precision - q)
    }

    /// The same w from F(h - 1)/F(h), by one division, for q + 1 < (2h - 2) log₂φ: F(h - 1)/F(h) - 1/φ
    /// = -ψ^(h-1) / (φ F(h)), less than φ^-(2h-2) in size, which is below 2^-(q+1); it is above 1/φ
    /// for even h, where one unit comes off the floor.
    static func inverseGolden(precision q: Int, from pair: (previous: BigInt, current: BigInt), index h: Int) -> BigInt {
        precondition(Double(q + 1) < Double(2 * h - 2) * 0.6942419136306174 - 1, "F(\(h)) is too small for 2^(\(q)+1)/φ")
        let floor = (pair.previous << (q + 1)) / pair.current
        return h.isMultiple(of: 2) ? floor - 1 : floor
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
/// With c = a + 1 and w within 2 units below 2^(q+1)/φ: c w / 2^(q+1) is below c/φ by less than
/// c / 2^q, so its floor b is c/φ's floor unless its fraction is within that of 1: a tie, where
/// c/φ is within c / 2^q of b + 1 and either may be the floor. Ties are rare for most values, but
/// not for all: c = F(m + 1) makes one, and so do values with long runs F(j) + F(j + 2) + ... at
/// their bottom. `settled` decides one exactly; `ZeckendorfConversion` mostly reads the answer off
/// the high half's indices instead (`split`).
struct PredecessorSum {
    let precision: Int
    /// 2^(q+1)/φ less under 2 units (`ZeckendorfConversion.inverseGolden`).
    let w: BigInt
    let c: BigInt
    let product: BigInt

    init(_ c: BigInt, precision: Int, w: BigInt) {
        self.precision = precision
        self.w = w
        self.c = c
        product = c * w
    }

    /// ⌊c/φ⌋ from `product` = c·w, ties settled; c must stay below 2^(precision - 64) (the bounds
    /// here rely on it).
    func value(c: BigInt, product: BigInt) -> BigInt {
        let (floor, isTie) = candidate(c: c, product: product)
        return isTie ? settled(c: c, floor: floor) : floor
    }

    /// b = ⌊c w / 2^(q+1)⌋, and whether it is a tie (⌊c/φ⌋ is b or b + 1).
    func candidate(c: BigInt, product: BigInt) -> (floor: BigInt, isTie: Bool) {
        let floor = product.shiftedDown(by: precision + 1)
        // The fraction's bits, below the point: within 2c of 2^(q+1) only in a tie, which needs its
        // top 64 bits all ones (c < 2^(q - 64)): a few bit tests rule out nearly all others.
        let fractionTopIsOnes = (precision - 8 ... precision).allSatisfy { product.bit(at: $0) }
        return (floor, fractionTopIsOnes && product.lowBits(precision + 1) + 2 * c > BigInt(1) << (precision + 1))
    }

    /// ⌊c/φ⌋ for a tie at b = `floor`. There |c/φ - (b + 1)| < c / 2^q, so |N| < 2.3 c² / 2^q < c
    /// for N = c² - c(b + 1) - (b + 1)², the norm of c - (b + 1)φ (times c - (b + 1)ψ > 0), which
    /// has its sign: b + 1 <= c/φ exactly when N > 0 (N = 0 would make φ rational). N's residue
    /// modulo B^n - 1 > 2c settles that sign: below half the modulus and not zero for N > 0, above
    /// it for N < 0; two products modulo B^n - 1 of c's size.
    func settled(c: BigInt, floor: BigInt) -> BigInt {
        let next = floor + 1
        let n = BigInt.wrappedProductSize(atLeast: (c.magnitudeBitWidth + 2) / 64 + 1)
        var residue = c.wrappedProduct(c - next, limbs: n) - next.wrappedProduct(next, limbs: n)
        if residue.isNegative { residue += (BigInt(1) << (64 * n)) - 1 }
        return !residue.isZero && residue.magnitudeBitWidth < 64 * n ? next : floor
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
