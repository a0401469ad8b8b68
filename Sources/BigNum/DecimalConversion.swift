import CGMP
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Decimal digits by multiplications: a scaled remainder tree over fixed-point fractions, its roots
// by cached reciprocals, every digit written once into the caller's buffer.

/// The conversion of a positive `mpz_t` to decimal by a scaled remainder tree.
///
/// The digits are cut into C chunks of 19 (the first may hold fewer), numbered 0 (most significant)
/// to C - 1, and x < 10^(19·C). Let F = x / 10^(19·C). A node of the tree covers chunks
/// [first, first + count) and holds a fraction a / 2^b, b = ``fractionBits(chunks:)`` of count, that
/// approximates from below φ = frac(F · 10^(19·first)): the node's digits, then all the digits to their
/// right, after the point. Then:
///
/// - roots: with L the largest power of two below C, one product by a cached reciprocal of
///   10^(19·L) gives x / 10^(19·L) = q + r / 10^(19·L): q, exact, holds the first C - L chunks and is
///   converted the same way as a number of its own; r / 10^(19·L), to b bits from below, is the
///   root fraction of a tree over the last L chunks (``rootByReciprocal(_:count:parallel:)``).
///   Below ``reciprocalChunkThreshold`` chunks, or when q may be one short, the root fraction of C
///   chunks is floor(x · 2^b / 10^(19·C)) / 2^b by a division (by 5^(19·C), after a shift: the same
///   quotient);
/// - split of a node into its first `high` chunks and the rest (high a power of two, so that
///   10^(19·high) is cached): the high child starts where the node does, so its φ is the node's own,
///   and its fraction is the node's truncated to fewer bits; the low child's φ is
///   frac(φ · 10^(19·high)), and its fraction is the middle of the product fraction · 10^(19·high)
///   (the bits above b are the high chunks' digits, those far below are not needed): one middle
///   product per node (``middleBits(of:times:limbs:lowLimbs:method:)``), about M(n) for a node of
///   2n limbs;
/// - leaf: its chunks one at a time, chunk = floor(fraction · 10^19), fraction = what is left after
///   the point (one `mpn_mul_1`, the fraction shrinking as fewer digits remain).
///
/// Why a truncation cannot reach a digit, except by the one step the last pass repairs: measure a
/// node's error e = φ - fraction (mod 1, and 0 <= e: every step rounds down) in units of its last
/// digit, E = e · 10^(digits of the node). A root starts with E < 2^-63, since b exceeds the node's
/// digits times log2(10) by at least 64 bits and a root is short by less than 2 units of 2^-b (less
/// than one from the division; see rootByReciprocal for the product). A high child keeps the node's
/// e and has fewer digits, so its E only shrinks; a low child's e is the node's times 10^(19·high), so its E is the node's
/// E; each step's own rounding (a truncation to b' bits, or a middle product short by less than 3
/// units of its last place) adds less than 3 · 2^-b' · 10^(digits) < 2^-62 to E. A path from the root
/// to a chunk takes fewer than 64 levels and `leafChunks` chunk steps, so every chunk is computed
/// from a fraction with E < 2^-63 + 128 · 2^-62 < 2^-50. Its digits, floor(fraction · 10^19), are
/// then the true chunk D unless the true digits to its right, τ = φ' (the next chunk's φ), are below that E: then the floor
/// lands one short, D - 1 mod 10^19, with the part after the point ρ > 1 - 2^-50. So:
///
///     the computed chunk is D - 1 (mod 10^19) exactly when ρ > 1/2 and the next chunk's true value
///     is below 5·10^18 (no error: ρ = τ - E > 1/2 means τ > 1/2, a next chunk of at least 5·10^18);
///
/// the last chunk's τ is 0 (x is an integer; so are q and r at a root by a reciprocal, each with a
/// tree and a last pass of its own). A pass from the last chunk to the first adds the one back
/// where that holds, using each chunk's flag "ρ > 1/2" kept from its leaf and the next chunk,
/// already repaired. (Runs of zeros at a chunk boundary, 10^k, 10^k + 1, (10^a - 1)·10^b, go through
/// this pass; runs of nines need nothing.)
struct DecimalConversion {
    /// From this many digits on, decimal output on one thread takes this conversion rather than
    /// GMP's `mpz_get_str`. Measured (random values, medians, interleaved; the roots by cached
    /// reciprocals): 1.17x GMP's time at 2.1·10^4 digits, 1.06x at 4.2·10^4, 0.95x at 6.3·10^4, 0.90x
    /// at 10^5, 0.87x at 2·10^5, 0.76x at 4·10^5, 0.68x at 10^6, 0.58x to 0.67x at 2·10^6 to 2·10^7.
    static let digitThreshold = 100_000

    /// From this many digits on, decimal output on two threads or more takes this conversion (on two
    /// threads) rather than DigitWriter's split with GMP at the leaves. Measured, interleaved, with
    /// both cores free: 0.60x to 0.72x of `mpz_get_str` at 2·10^5 digits (DigitWriter 0.71x), 0.50x
    /// to 0.56x at 4·10^5, 0.44x at 6·10^5 (DigitWriter 0.65x), 0.40x to 0.45x at 10^6, 0.38x at
    /// 2·10^6 and 2·10^7; peak memory 2.0x to 2.3x of `mpz_get_str`'s.
    static let parallelDigitThreshold = 300_000

    /// Whether this conversion is the faster route for a value of `digits` decimal digits.
    static func isPreferred(digits: Int, threads: Int) -> Bool {
        threads >= 2 && HelperThread.isAvailable ? digits >= parallelDigitThreshold : digits >= digitThreshold
    }

    /// Chunks a leaf turns into digits by multiplying by 10^19 one chunk at a time.
    static let leafChunks = 64

    /// Bits of a fraction for `chunks` chunks: their 19·chunks·log2(10) bits (63.116634 > 19·log2(10)
    /// per chunk) and 64 guard bits, rounded up to whole limbs.
    static func fractionLimbs(chunks: Int) -> Int {
        let bits = (chunks * 63_116_634 + 999_999) / 1_000_000 + 64
        return (bits + 63) / 64
    }

    static func fractionBits(chunks: Int) -> Int { 64 * fractionLimbs(chunks: chunks) }

    /// Where the digits go.
    private let text: UnsafeMutablePointer<UInt8>
    /// Bytes reserved for chunk 0; chunk g >= 1 starts at text + topWidth + 19·(g - 1).
    private let topWidth: Int
    /// Chunk 0, kept as a number until the last pass (its width is known only then).
    private let topChunk: UnsafeMutablePointer<UInt64>
    /// flags[g] != 0: the part after the point was above 1/2 when chunk g was computed.
    private let flags: UnsafeMutablePointer<UInt8>
    /// 10^(19·2^i) for every split.
    private let powers: [BigInt]

    /// Writes the digits of a positive `value` at `start` and returns their count. `estimate` is
    /// `mpz_sizeinbase(value, 10)` (exact or one too many); `start` has room for `estimate` bytes.
    ///
    /// With `threads` >= 2 (and a second core), the first root's product is split over this thread
    /// and BigNum's helper thread, and then the two share out the rest (q's part and the nodes of r's
    /// tree) from one list of jobs, largest first (``convertInParallel(_:count:)``).
    ///
    /// - Complexity: O(M(n) log n) in multiplications for n limbs: a product of n by n limbs at the
    ///   root, once per power a reciprocal of up to n limbs (cached), a middle product per node; O(n)
    ///   memory beyond the text (about 3n limbs at the peak, and C bytes of flags).
    static func write(_ value: UnsafePointer<__mpz_struct>, estimate: Int, into start: UnsafeMutablePointer<UInt8>,
                      threads: Int) -> Int {
        precondition(cgmp_mpz_sgn(value) > 0 && estimate >= 1)
        let chunkCount = (estimate + DecimalRadix.digitsPerLimb - 1) / DecimalRadix.digitsPerLimb
        let powers = DecimalPowerCache.chain(upTo: Int.bitWidth - 1 - chunkCount.leadingZeroBitCount)
        let flags = LimbMemory.allocate(chunkCount, as: UInt8.self)
        defer { LimbMemory.free(flags, count: chunkCount) }
        var top: UInt64 = 0
        let topWidth = estimate - DecimalRadix.digitsPerLimb * (chunkCount - 1)
        withUnsafeMutablePointer(to: &top) { top in
            let tree = DecimalConversion(text: start, topWidth: topWidth, topChunk: top, flags: flags, powers: powers)
            if threads >= 2 && HelperThread.isAvailable && chunkCount >= parallelChunkThreshold {
                tree.convertInParallel(value, count: chunkCount)
            } else {
                tree.convertPart(value, first: 0, count: chunkCount)
            }
        }
        // Chunk 0 without leading zeros, right-aligned in its room; then close the gap, at most one
        // byte (the estimate's extra digit), by moving the text left.
        let width = top == 0 ? 0 : decimalWidth(top)
        precondition(width <= topWidth && topWidth - width <= 1, "decimal conversion: top chunk \(top) in \(topWidth) digits")
        writeLimb(top, width: width, at: start + topWidth - width)
        let gap = topWidth - width
        if gap > 0 { start.update(from: start + gap, count: estimate - gap) }
        return estimate - gap
    }

    /// Below this many chunks, two threads do not split the work (the handover costs more than the
    /// second thread saves).
    static let parallelChunkThreshold = 2_048

    /// From this many chunks on, a part's root is the product by a cached reciprocal
    /// (``rootByReciprocal(_:count:parallel:)``) rather than a division.
    static let reciprocalChunkThreshold = 512

    /// Converts `value` (>= 0, below 10^(19·count)) into chunks [first, first + count), as a number of
    /// its own (the chunk after its last is taken as zero), with its own roots and last passes, on
    /// this thread.
    private func convertPart(_ value: UnsafePointer<__mpz_struct>, first: Int, count: Int) {
        if let (quotient, fraction, low) = rootByReciprocal(value, count: count, parallel: false) {
            var fraction = fraction
            quotient.withUnsafeMPZ { convertPart($0, first: first, count: count - low) }
            convert(&fraction, first: first + count - low, count: low)
            repairChunks(first: first + count - low, count: low)
            return
        }
        var fraction = rootByDivision(value, count: count)
        convert(&fraction, first: first, count: count)
        repairChunks(first: first, count: count)
    }

    /// The root fraction of a part of `count` chunks, floor(y · 2^b / 10^(19·count)), from below
    /// within 2^-b: y · 2^(b - 19·count) divided by 5^(19·count), the same quotient, and a divisor
    /// a third smaller, computed faster than the product of cached powers.
    private func rootByDivision(_ value: UnsafePointer<__mpz_struct>, count: Int) -> BigInt {
        let bits = Self.fractionBits(chunks: count)
        return BigInt { fraction in
            let exponent = DecimalRadix.digitsPerLimb * count
            let oddScale = BigInt { __gmpz_ui_pow_ui($0, 5, UInt(exponent)) }
            __gmpz_mul_2exp(fraction, value, UInt(bits - exponent))
            oddScale.withUnsafeMPZ { __gmpz_tdiv_q(fraction, fraction, $0) }
        }
    }

    /// The root of a part by one product instead of a division: with L = 2^k the largest power of two
    /// below count and P = 10^(19·L), x · (1/P) = q + r/P, where q = floor(x / P) holds the part's
    /// first count - L chunks and r/P is the fraction of the last L (a tree of its own, perfectly
    /// balanced). 1/P comes from the cache of reciprocals (DecimalPowerCache.reciprocal, one per
    /// power, computed once), V with B^(2L')/D - 2 <= V < B^(2L')/D for D = P · 2^s · B^(L' - m)
    /// (m: P's limbs); its top L + 1 limbs V' (L <= L') are below B^(2L)/D_L by at most 3, and
    /// T = x · V' · 2^s / B^(L + m) is then below x/P by less than 3 · x · 2^s / B^(L + m)
    /// < 3 · B^(n + 1 - L - m) for x of n limbs. With L >= n + f - m + 2 (f: the fraction limbs for
    /// 2^k chunks) that is below 3/B units of the fraction's last place, and the floor to f limbs
    /// adds less than one: the fraction is short by less than 2 units, the bound the tree's error
    /// analysis allows a root (its E stays below 2^-63).
    ///
    /// q = floor(T) is exact unless the fraction came out within those 2 units below 1 (r/P below
    /// 2 units, so r/P rounded down wrapped): the fraction's top limb all ones is checked instead
    /// (a far wider margin), and then this returns nil and the caller divides (x = q · 10^(19·L)
    /// exactly, 10^a with a >= 19·L, lands here), as it does when the cache has no room for the
    /// reciprocal.
    ///
    /// With `parallel`, the product is split over the two threads, and the split is balanced (above).
    ///
    /// - Complexity: one product of n by n + 2 limbs (about M(n)) on top of the two parts, and once
    ///   per power, the reciprocal.
    private func rootByReciprocal(_ value: UnsafePointer<__mpz_struct>, count: Int,
                                  parallel: Bool) -> (quotient: BigInt, fraction: BigInt, low: Int)? {
        let size = cgmp_mpz_limb_count(value)
        guard count >= Self.reciprocalChunkThreshold && size > 0 else { return nil }
        var low = Self.largestPowerOfTwo(below: count)
        // On two threads, q's part and r's tree start as the two jobs: when q would be under half of
        // r, split at half the power instead (the product is of the same size), so that neither
        // thread waits for the other's first split.
        if parallel && 2 * (count - low) < low { low /= 2 }
        let index = low.trailingZeroBitCount
        let power = powers[index]
        let powerLimbs = power.limbCount
        let fractionLimbs = Self.fractionLimbs(chunks: low)
        let limbs = Swift.max(powerLimbs, size + fractionLimbs - powerLimbs + 2)
        guard let reciprocal = DecimalPowerCache.reciprocal(index: index, of: power, limbs: limbs) else { return nil }
        // T, scaled by B^f: floor(x · V' / 2^(64·(L + m - f) - s)).
        let dropped = limbs + powerLimbs - fractionLimbs  // >= m - 2 >= 1: L >= m, f <= m + 2, m >= 250 here
        let scaled = BigInt { scaled in
            reciprocal.value.withUnsafeMPZ { v in
                let v = __gmpz_limbs_read(v)! + (reciprocal.limbs - limbs)
                let x = __gmpz_limbs_read(value)!
                let productLimbs = size + limbs + 1
                let product = LimbMemory.allocate(productLimbs, as: UInt.self)
                defer { LimbMemory.free(product, count: productLimbs) }
                Self.multiply(product, v, limbs + 1, x, size, parallel: parallel)
                Self.copyLimbs(product + (dropped - 1), productLimbs - (dropped - 1), into: scaled)
            }
            __gmpz_tdiv_q_2exp(scaled, scaled, UInt(64 - reciprocal.shift))
        }
        // The fraction's top limb all ones: q may be one short (see above).
        let wraps = scaled.withUnsafeMPZ {
            cgmp_mpz_limb_count($0) >= fractionLimbs && __gmpz_limbs_read($0)[fractionLimbs - 1] == UInt.max
        }
        if wraps { return nil }
        var (quotient, fraction) = (BigInt(), BigInt())
        quotient.withUnsafeMutableMPZ { quotient in
            fraction.withUnsafeMutableMPZ { fraction in
                scaled.withUnsafeMPZ { scaled in
                    __gmpz_tdiv_q_2exp(quotient, scaled, UInt(64 * fractionLimbs))
                    __gmpz_tdiv_r_2exp(fraction, scaled, UInt(64 * fractionLimbs))
                }
            }
        }
        return (quotient, fraction, low)
    }

    /// What is left to do on two threads: parts (a value, converted by its roots), nodes (a
    /// fraction, converted by splits), and the ranges whose last pass waits for all of them.
    private enum Job {
        case part(BigInt, first: Int, count: Int)
        case node(BigInt, first: Int, count: Int)

        var count: Int {
            switch self {
            case .part(_, _, let count), .node(_, _, let count): count
            }
        }
    }

    /// The two threads' shared list of jobs: each takes the largest, and a job at least `grain`
    /// chunks long is cut in two jobs (a root or a split) rather than done whole, so that neither
    /// thread runs out of work while the other has much left.
    private final class JobQueue: @unchecked Sendable {
        struct State {
            var jobs: [Job] = []
            var repairs: [(first: Int, count: Int)] = []
        }
        let state = Mutex(State())
        /// Jobs taken or waiting, not yet finished.
        let pending = Atomic<Int>(0)
        let grain: Int

        init(grain: Int) { self.grain = grain }

        func add(_ jobs: [Job], repair: (first: Int, count: Int)? = nil) {
            pending.add(jobs.count, ordering: .relaxed)
            state.withLock { state in
                state.jobs += jobs
                if let repair { state.repairs.append(repair) }
            }
        }

        /// The largest job waiting, or nil when none is left at all; waits while the other thread
        /// may still add some.
        func next() -> Job? {
            while true {
                let job: Job? = state.withLock { state in
                    guard let index = state.jobs.indices.max(by: { state.jobs[$0].count < state.jobs[$1].count }) else { return nil }
                    return state.jobs.remove(at: index)
                }
                if let job { return job }
                if pending.load(ordering: .acquiring) == 0 { return nil }
                sched_yield()
            }
        }

        func finish() { pending.subtract(1, ordering: .releasing) }
    }

    /// Converts `value` (chunks [0, count)) on this thread and the helper: the first root with the
    /// product split over both, then the parts and nodes from a shared list, then the last passes.
    private func convertInParallel(_ value: UnsafePointer<__mpz_struct>, count: Int) {
        let queue = JobQueue(grain: Swift.max(4 * Self.leafChunks, count / 64))
        if let (quotient, fraction, low) = rootByReciprocal(value, count: count, parallel: true) {
            queue.add([.part(quotient, first: 0, count: count - low), .node(fraction, first: count - low, count: low)],
                      repair: (count - low, low))
        } else {
            queue.add([.node(rootByDivision(value, count: count), first: 0, count: count)], repair: (0, count))
        }
        let work = {
            while let job = queue.next() {
                self.run(job, queue: queue)
                queue.finish()
            }
        }
        runConcurrently(work, work)
        for range in queue.state.withLock({ $0.repairs }) { repairChunks(first: range.first, count: range.count) }
    }

    /// Does one job: whole when shorter than the grain, else cut in two jobs for the queue.
    private func run(_ job: Job, queue: JobQueue) {
        switch job {
        case .part(let value, let first, let count):
            if count < queue.grain {
                value.withUnsafeMPZ { convertPart($0, first: first, count: count) }
            } else if let (quotient, fraction, low) = value.withUnsafeMPZ({ rootByReciprocal($0, count: count, parallel: false) }) {
                queue.add([.part(quotient, first: first, count: count - low),
                           .node(fraction, first: first + count - low, count: low)], repair: (first + count - low, low))
            } else {
                let fraction = value.withUnsafeMPZ { rootByDivision($0, count: count) }
                queue.add([.node(fraction, first: first, count: count)], repair: (first, count))
            }
        case .node(var fraction, let first, let count):
            if count < queue.grain {  // grain >= 4 leaves: every leaf-sized node is below it
                convert(&fraction, first: first, count: count)
            } else {
                let (high, low) = split(&fraction, count: count)
                queue.add([.node(fraction, first: first, count: high), .node(low, first: first + high, count: count - high)])
            }
        }
    }

    /// product = a · b ({a, an} and {b, bn}, an >= bn >= 1; an + bn limbs), with `parallel` the
    /// longer operand split in two halves, one on each thread.
    private static func multiply(_ product: UnsafeMutablePointer<UInt>, _ a: UnsafePointer<UInt>, _ an: Int,
                                 _ b: UnsafePointer<UInt>, _ bn: Int, parallel: Bool) {
        guard parallel && an >= 2 * parallelProductLimbs && bn >= parallelProductLimbs else {
            _ = an >= bn ? __gmpn_mul(product, a, an, b, bn) : __gmpn_mul(product, b, bn, a, an)
            return
        }
        // a = a_high · B^h + a_low: a_low · b into product, a_high · b beside it, then the sum.
        let h = an / 2
        let highLimbs = an - h + bn
        let high = LimbMemory.allocate(highLimbs, as: UInt.self)
        defer { LimbMemory.free(high, count: highLimbs) }
        nonisolated(unsafe) let (p, q, x, y) = (product, high, a, b)
        runConcurrently({
            _ = h >= bn ? __gmpn_mul(p, x, h, y, bn) : __gmpn_mul(p, y, bn, x, h)
        }, {
            _ = an - h >= bn ? __gmpn_mul(q, x + h, an - h, y, bn) : __gmpn_mul(q, y, bn, x + h, an - h)
        })
        // product[h...] = high + product[h ..< h + bn] (the rest of product is not yet written).
        (product + h + bn).update(repeating: 0, count: an - h)
        _ = __gmpn_add_n(product + h, product + h, high, highLimbs)
    }

    /// Below this many limbs in either half, a product does not split over two threads.
    static let parallelProductLimbs = 2_000

    /// Splits the node of `count` chunks whose fraction is `fraction`: `fraction` becomes the high
    /// child's (its first `high` chunks, high the largest power of two below count, so that the
    /// power is cached); returns `high` and the low child's fraction.
    private func split(_ fraction: inout BigInt, count: Int) -> (high: Int, low: BigInt) {
        let high = Self.largestPowerOfTwo(below: count)
        let power = powers[high.trailingZeroBitCount]
        let bits = Self.fractionBits(chunks: count)
        // Low child: φ_low = frac(φ · 10^(19·high)); its fraction is bits [b - b_low, b) of
        // fraction · 10^(19·high) (the bits from b up are the high chunks' digits, not needed).
        let low = Self.middleBits(of: fraction, times: power, limbs: Self.fractionLimbs(chunks: count),
                                  lowLimbs: Self.fractionLimbs(chunks: count - high))
        // High child: φ_high = φ; its fraction is the node's, truncated to b_high bits.
        fraction.withUnsafeMutableMPZ { __gmpz_tdiv_q_2exp($0, $0, UInt(bits - Self.fractionBits(chunks: high))) }
        return (high, low)
    }

    /// The largest power of two below `count` (>= 2): the high part of a split.
    static func largestPowerOfTwo(below count: Int) -> Int {
        1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
    }

    /// Converts the node of chunks [first, first + count) whose fraction is `fraction` (b bits for
    /// count chunks), and frees it.
    private func convert(_ fraction: inout BigInt, first: Int, count: Int) {
        if count <= Self.leafChunks {
            leaf(&fraction, first: first, count: count)
            return
        }
        var (high, low) = split(&fraction, count: count)
        convert(&fraction, first: first, count: high)
        convert(&low, first: first + high, count: count - high)
    }

    /// How ``middleBits(of:times:limbs:lowLimbs:method:)`` gets the middle of a product.
    enum MiddleBitsMethod {
        /// GMP's middle product (basecase and Karatsuba-like).
        case middleProduct
        /// GMP's product modulo B^n - 1 (FFT-based for large n).
        case wrappedProduct
        /// The whole product (mpz_mul): the fallback where GMP lacks the other two.
        case fullProduct

        /// Below this many limbs in the power the middle product is as fast as the wrapped one
        /// (measured: 60 µs each at 500 limbs; the wrapped one 0.4x to 0.7x of the middle product
        /// from 1,000 limbs up, which runs at Karatsuba speed).
        static let wrappedProductLimbThreshold = 300

        static func fastest(powerLimbs: Int) -> MiddleBitsMethod {
            if powerLimbs >= wrappedProductLimbThreshold && GMPInternals.wrappedProduct != nil { return .wrappedProduct }
            if GMPInternals.middleProduct != nil { return .middleProduct }
            return GMPInternals.wrappedProduct != nil ? .wrappedProduct : .fullProduct
        }
    }

    /// Limbs [limbs - lowLimbs, limbs) of `fraction` (taken as `limbs` limbs) times `power`, less at
    /// most 2 units of the last of them, modulo B^lowLimbs: bits [b - b_low, b) of the product,
    /// rounded down (mod 1) by less than 3 units of their last place.
    ///
    /// - Complexity: about M(m) for a power of m limbs and limbs ≈ 2m (a middle product or a product
    ///   modulo B^n - 1), against about 2·M(m) for the whole product, which is the fallback.
    static func middleBits(of fraction: BigInt, times power: BigInt, limbs: Int, lowLimbs: Int,
                           method: MiddleBitsMethod? = nil) -> BigInt {
        let powerLimbs = power.limbCount
        let bottom = limbs - lowLimbs  // the first limb wanted
        let method = method ?? MiddleBitsMethod.fastest(powerLimbs: powerLimbs)
        return fraction.withUnsafeMPZ { fraction in
            power.withUnsafeMPZ { power in
                let size = cgmp_mpz_limb_count(fraction)
                let a = __gmpz_limbs_read(fraction)!, p = __gmpz_limbs_read(power)!
                if method == .wrappedProduct, let wrapped = GMPInternals.wrappedProduct {
                    // a·p mod (B^n - 1) with n >= max(limbs, powerLimbs + lowLimbs): the limbs from n up
                    // (the integer part) fold onto [0, limbs + powerLimbs - n), below `bottom`, so
                    // limbs [bottom, limbs) are the product's plus a carry of at most 2 (one from the
                    // fold, one from the reduction): subtract 2 to stay below.
                    let modulus = wrapped.size(Swift.max(limbs, powerLimbs + lowLimbs))
                    let operand = LimbMemory.allocate(limbs, as: UInt.self)
                    operand.update(from: a, count: size)
                    (operand + size).update(repeating: 0, count: limbs - size)
                    let resultLimbs = Swift.max(modulus, limbs + powerLimbs)
                    let result = LimbMemory.allocate(resultLimbs, as: UInt.self)
                    let scratchLimbs = GMPInternals.wrappedProductScratch(size: modulus)
                    let scratch = LimbMemory.allocate(scratchLimbs, as: UInt.self)
                    wrapped.product(result, modulus, operand, limbs, p, powerLimbs, scratch)
                    LimbMemory.free(scratch, count: scratchLimbs)
                    LimbMemory.free(operand, count: limbs)
                    _ = __gmpn_sub_1(result + bottom, result + bottom, lowLimbs, 2)
                    defer { LimbMemory.free(result, count: resultLimbs) }
                    return BigInt { copyLimbs(result + bottom, lowLimbs, into: $0) }
                }
                if method == .middleProduct, let middle = GMPInternals.middleProduct {
                    // Pad a with `zeros` zero limbs below (exact), so that the wanted limbs start at
                    // least powerLimbs + 1 limbs up: the middle product leaves out the diagonals below
                    // powerLimbs - 1, worth less than powerLimbs · B^powerLimbs, so less than one unit
                    // of the first wanted limb (a borrow of at most one: still below), and the
                    // diagonals from `limbs` up, which touch only the integer part.
                    let zeros = Swift.max(0, powerLimbs + 1 - bottom)
                    let padded = limbs + zeros
                    let operand = LimbMemory.allocate(padded, as: UInt.self)
                    operand.update(repeating: 0, count: zeros)
                    (operand + zeros).update(from: a, count: size)
                    (operand + zeros + size).update(repeating: 0, count: limbs - size)
                    let resultLimbs = padded - powerLimbs + 3
                    let result = LimbMemory.allocate(resultLimbs, as: UInt.self)
                    middle(result, operand, padded, p, powerLimbs)
                    LimbMemory.free(operand, count: padded)
                    defer { LimbMemory.free(result, count: resultLimbs) }
                    // Diagonal d of the middle product is limb d + powerLimbs - 1 of the product.
                    return BigInt { copyLimbs(result + (bottom + zeros - (powerLimbs - 1)), lowLimbs, into: $0) }
                }
                // The whole product, then its bits [b - b_low, b): exact.
                let bits = 64 * limbs
                return BigInt { low in
                    __gmpz_mul(low, fraction, power)
                    __gmpz_tdiv_r_2exp(low, low, UInt(bits))
                    __gmpz_tdiv_q_2exp(low, low, UInt(bits - 64 * lowLimbs))
                }
            }
        }
    }

    /// Sets `mpz` to the `count` limbs at `limbs`.
    private static func copyLimbs(_ limbs: UnsafePointer<UInt>, _ count: Int, into mpz: UnsafeMutablePointer<__mpz_struct>) {
        __gmpz_limbs_write(mpz, count).update(from: limbs, count: count)
        __gmpz_limbs_finish(mpz, count)
    }

    /// A leaf: its chunks one at a time, by chunk = floor(fraction · 10^19), fraction = the rest.
    private func leaf(_ fraction: inout BigInt, first: Int, count: Int) {
        let limbs = Self.fractionLimbs(chunks: count)
        withUnsafeTemporaryAllocation(of: UInt.self, capacity: limbs) { buffer in
            let base = buffer.baseAddress!
            let size = fraction.withUnsafeMPZ { mpz in
                let size = cgmp_mpz_limb_count(mpz)
                if size > 0 { base.update(from: __gmpz_limbs_read(mpz), count: size) }
                return size
            }
            precondition(size <= limbs, "decimal conversion: a fraction of \(size) limbs for \(count) chunks")
            (base + size).update(repeating: 0, count: limbs - size)
            fraction = BigInt()
            var low = base, length = limbs
            // Invariant: low[0..<length] is the fraction (length limbs after the point) for chunks
            // first + index ..< first + count.
            for index in 0..<count {
                // Truncate to what the remaining chunks need: drop low limbs (rounds down).
                let needed = Self.fractionLimbs(chunks: count - index)
                low += length - needed
                length = needed
                let chunk = UInt64(__gmpn_mul_1(low, low, length, UInt(DecimalRadix.radix)))
                let chunkIndex = first + index
                flags[chunkIndex] = UInt8(truncatingIfNeeded: low[length - 1] >> 63)
                if chunkIndex == 0 {
                    topChunk.pointee = chunk
                } else {
                    writeFullLimb(chunk, at: chunkText(chunkIndex))
                }
            }
        }
    }

    /// Where chunk `index` (>= 1) is written.
    @inline(__always)
    private func chunkText(_ index: Int) -> UnsafeMutablePointer<UInt8> {
        text + topWidth + DecimalRadix.digitsPerLimb * (index - 1)
    }

    /// The last pass over chunks [first, first + count): from the last to the first, adds one
    /// (mod 10^19) to each chunk that came out one short (its flag set and the next chunk's true
    /// value below 5·10^18; see the type's comment). The chunk after the last is taken as zero.
    private func repairChunks(first: Int, count: Int) {
        // Invariant: chunks index + 1 ..< first + count hold their true digits; nextIsLow says
        // whether chunk index + 1 is below 5·10^18 (true past the last chunk, whose τ is 0).
        var nextIsLow = true
        for index in stride(from: first + count - 1, through: first, by: -1) {
            let isShort = flags[index] != 0 && nextIsLow
            if index == 0 {
                if isShort { topChunk.pointee = (topChunk.pointee + 1) % DecimalRadix.radix }
                break
            }
            let digits = chunkText(index)
            if isShort {
                // Add one in ASCII: nines become zeros up to the first other digit (all nines: 10^19 ≡ 0).
                var position = DecimalRadix.digitsPerLimb - 1
                while position >= 0 && digits[position] == UInt8(ascii: "9") {
                    digits[position] = UInt8(ascii: "0")
                    position -= 1
                }
                if position >= 0 { digits[position] += 1 }
            }
            nextIsLow = digits[0] < UInt8(ascii: "5")
        }
    }
}
