import CGMP

// Decimal digits by multiplications: a scaled remainder tree over fixed-point fractions, one
// division at the top, every digit written once into the caller's buffer.

/// The conversion of a positive `mpz_t` to decimal by a scaled remainder tree.
///
/// The digits are cut into C chunks of 19 (the first may hold fewer), numbered 0 (most significant)
/// to C - 1, and x < 10^(19·C). Let F = x / 10^(19·C). A node of the tree covers chunks
/// [first, first + count) and holds a fraction a / 2^b, b = ``fractionBits(chunks:)`` of count, that
/// approximates from below φ = frac(F · 10^(19·first)): the node's digits, then all the digits to their
/// right, after the point. Then:
///
/// - root: fraction = floor(x · 2^b / 10^(19·C)) / 2^b, the one division (by 5^(19·C), after a
///   shift: the same quotient);
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
/// digit, E = e · 10^(digits of the node). The root starts with E < 2^-64, since b exceeds the node's
/// digits times log2(10) by at least 64 bits. A high child keeps the node's e and has fewer digits,
/// so its E only shrinks; a low child's e is the node's times 10^(19·high), so its E is the node's
/// E; each step's own rounding (a truncation to b' bits, or a middle product short by less than 3
/// units of its last place) adds less than 3 · 2^-b' · 10^(digits) < 2^-62 to E. A path from the root
/// to a chunk takes fewer than 64 levels and `leafChunks` chunk steps, so every chunk is computed
/// from a fraction with E < 2^-50. Its digits, floor(fraction · 10^19), are then the true chunk D
/// unless the true digits to its right, τ = φ' (the next chunk's φ), are below that E: then the floor
/// lands one short, D - 1 mod 10^19, with the part after the point ρ > 1 - 2^-50. So:
///
///     the computed chunk is D - 1 (mod 10^19) exactly when ρ > 1/2 and the next chunk's true value
///     is below 5·10^18 (no error: ρ = τ - E > 1/2 means τ > 1/2, a next chunk of at least 5·10^18);
///
/// the last chunk's τ is 0 (x is an integer). A pass from the last chunk to the first adds the one
/// back where that holds, using each chunk's flag "ρ > 1/2" kept from its leaf and the next chunk,
/// already repaired. (Runs of zeros at a chunk boundary, 10^k, 10^k + 1, (10^a - 1)·10^b, go through
/// this pass; runs of nines need nothing.)
struct DecimalConversion {
    /// From this many digits on, decimal output on one thread takes this conversion rather than
    /// GMP's `mpz_get_str`. Measured (random values, medians): 1.5x GMP's time at 5·10^4 digits,
    /// 1.25x at 2·10^5, 1.07x at 5·10^5, 0.97x to 0.98x at 10^6, 0.9x to 0.93x from 1.5·10^6 on:
    /// the division at the top costs as much as two levels of GMP's own tree, which the cheaper
    /// levels below repay only for long values.
    static let digitThreshold = 1_000_000

    /// From this many digits on, decimal output on two threads or more takes this conversion rather
    /// than DigitWriter's split with GMP at the leaves. Measured, interleaved: 0.66x of
    /// `mpz_get_str` against 0.63x for DigitWriter at 2·10^6 digits, 0.61x against 0.63x at 5·10^6.
    static let parallelDigitThreshold = 4_000_000

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
    /// With `threads` >= 2 (and a second core), one division first splits the value in two,
    /// x = q · 10^(19·L) + r with L about half the chunks, and the two parts, each its own tree with
    /// its own root, run at once on BigNum's helper thread: the root's division is the one step a
    /// tree cannot share between threads, and two half-size ones cost about what one whole one does.
    ///
    /// - Complexity: one division of 2n by 0.7n limbs (by 5^(19·C)) and O(M(n) log n) in
    ///   multiplications for n limbs; O(n) memory beyond the text (about 3n limbs at the peak, and C
    ///   bytes of flags).
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
            guard threads >= 2 && HelperThread.isAvailable && chunkCount >= parallelChunkThreshold else {
                tree.convertPart(value, first: 0, count: chunkCount, scale: nil)
                return
            }
            // L: half the chunks rounded down to their top three bits, so that 10^(19·L) is a
            // product of at most three cached powers (each part within 1/8 of half).
            let half = chunkCount / 2
            let step = 1 << Swift.max(0, Int.bitWidth - 3 - half.leadingZeroBitCount)
            let lowCount = half / step * step
            let scale = DecimalPowerCache.power(chunks: lowCount, from: powers)
            // q = floor(x / 10^(19·L)) holds chunks [0, C - L), r = x mod 10^(19·L) chunks [C - L, C).
            var (high, low) = (BigInt(), BigInt())
            high.withUnsafeMutableMPZ { high in
                low.withUnsafeMutableMPZ { low in
                    scale.withUnsafeMPZ { __gmpz_tdiv_qr(high, low, value, $0) }
                }
            }
            // The two parts write disjoint chunks, flags and text.
            runConcurrently({
                high.withUnsafeMPZ { tree.convertPart($0, first: 0, count: chunkCount - lowCount, scale: nil) }
                high = BigInt()
            }, {
                low.withUnsafeMPZ { tree.convertPart($0, first: chunkCount - lowCount, count: lowCount, scale: scale) }
                low = BigInt()
            })
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

    /// Below this many chunks, two threads do not split the value (the division and the handover cost
    /// more than the second thread saves).
    static let parallelChunkThreshold = 2_048

    /// Converts `value` (>= 0, below 10^(19·count)) into chunks [first, first + count), as a number of
    /// its own (the chunk after its last is taken as zero), with its own root and last pass.
    /// `scale`, when given, is 10^(19·count).
    private func convertPart(_ value: UnsafePointer<__mpz_struct>, first: Int, count: Int, scale: BigInt?) {
        // The root: fraction = floor(y · 2^b / 10^(19·count)), from below within 2^-b. Without the
        // power at hand, divide y · 2^(b - 19·count) by 5^(19·count): the same quotient, and a
        // divisor a third smaller, computed faster than the product of cached powers.
        let bits = Self.fractionBits(chunks: count)
        var fraction = BigInt { fraction in
            if let scale {
                __gmpz_mul_2exp(fraction, value, UInt(bits))
                scale.withUnsafeMPZ { __gmpz_tdiv_q(fraction, fraction, $0) }
            } else {
                let exponent = DecimalRadix.digitsPerLimb * count
                let oddScale = BigInt { __gmpz_ui_pow_ui($0, 5, UInt(exponent)) }
                __gmpz_mul_2exp(fraction, value, UInt(bits - exponent))
                oddScale.withUnsafeMPZ { __gmpz_tdiv_q(fraction, fraction, $0) }
            }
        }
        convert(&fraction, first: first, count: count)
        repairChunks(first: first, count: count)
    }

    /// Converts the node of chunks [first, first + count) whose fraction is `fraction` (b bits for
    /// count chunks), and frees it.
    private func convert(_ fraction: inout BigInt, first: Int, count: Int) {
        if count <= Self.leafChunks {
            leaf(&fraction, first: first, count: count)
            return
        }
        // The split: a power-of-two number of chunks on the left (the largest below count), so that
        // the power is cached.
        let high = 1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
        let power = powers[high.trailingZeroBitCount]
        let bits = Self.fractionBits(chunks: count)
        // Low child: φ_low = frac(φ · 10^(19·high)); its fraction is bits [b - b_low, b) of
        // fraction · 10^(19·high) (the bits from b up are the high chunks' digits, not needed).
        var low = Self.middleBits(of: fraction, times: power, limbs: Self.fractionLimbs(chunks: count),
                                  lowLimbs: Self.fractionLimbs(chunks: count - high))
        // High child: φ_high = φ; its fraction is the node's, truncated to b_high bits.
        fraction.withUnsafeMutableMPZ { __gmpz_tdiv_q_2exp($0, $0, UInt(bits - Self.fractionBits(chunks: high))) }
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
