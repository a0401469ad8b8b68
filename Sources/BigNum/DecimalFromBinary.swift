import CGMP

// Binary to base 10^19 by products in decimal: with x split at 64·2^j bits, x = hi·2^(64·2^j) + lo,
//   D(x) = D(hi)·D(2^(64·2^j)) + D(lo),
// the powers D(2^(64·2^j)) by squaring in decimal from D(2^64) = 1·10^19 + 8446744073709551616, and
// GMP's `mpn_get_str` at the leaves. Its cost is one decimal product of each size per level, about
// M(n) log n; with the decimal products by number-theoretic transforms that is less than the scaled
// remainder tree's middle products over GMP (DecimalConversion), so it takes decimal output where the
// transforms run.

/// The conversion of a binary magnitude to base 10^19 by decimal products.
enum DecimalFromBinary {
    /// Words at or below which a piece goes to GMP's conversion.
    static let leafWords = 256

    /// Decimal digits from which decimal output takes this conversion, where the processor runs the
    /// transforms: one thread, and two.
    static let digitThreshold = 100_000
    static let parallelDigitThreshold = 125_000

    static func isPreferred(digits: Int, threads: Int) -> Bool {
        decimalTransformsAreSupported && digits >= (threads >= 2 ? parallelDigitThreshold : digitThreshold)
    }

    /// Writes the digits of a positive `value` at `start` (room for `estimate` = sizeinbase digits),
    /// returns their count. With `threads` >= 2 the two halves of the top split, the top product and
    /// the digits are shared with the helper thread.
    static func write(_ value: UnsafePointer<__mpz_struct>, into start: UnsafeMutablePointer<UInt8>, estimate: Int,
                      threads: Int) -> Int {
        precondition(cgmp_mpz_sgn(value) > 0, "DecimalFromBinary: a positive value")
        if threads >= 2 { AllocatorTuning.applyIfAllowed() }
        let decimal = DecimalUInt(storage: convert(value, parallel: threads >= 2))
        return decimal.writeDigits(into: UnsafeMutableRawBufferPointer(start: start, count: estimate), threads: threads)
    }

    /// The magnitude of `value` in base 10^19.
    static func convert(_ value: UnsafePointer<__mpz_struct>, parallel: Bool) -> DecimalStorage {
        let count = Int(value.pointee._mp_size.magnitude)
        guard count > 0 else { return DecimalStorage(capacity: 1) }
        // GMP's limbs are UInt, the decimal ones UInt64: the same words.
        return convert(UnsafeRawPointer(value.pointee._mp_d!).assumingMemoryBound(to: UInt64.self), count: count, parallel: parallel)
    }

    /// The value of the `count` words at `words` (lowest first) in base 10^19.
    static func convert(_ words: UnsafePointer<UInt64>, count: Int, parallel: Bool) -> DecimalStorage {
        // The largest split is at 2^j words with 2^j < count; its power and all below.
        var powers = [DecimalStorage]()
        let top = count > leafWords ? Int.bitWidth - 1 - (count - 1).leadingZeroBitCount : -1
        if top >= 0 {
            let workspace = DecimalProductWorkspace()
            let first = DecimalStorage(capacity: 2)
            first.set(UInt64.max)
            first.add(1)  // 2^64
            powers.append(first)
            while powers.count <= top {
                let square = DecimalStorage(capacity: 2 * powers.last!.count)
                square.setSquare(of: powers.last!, using: workspace)
                powers.append(square)
            }
        }
        return Converter(powers: powers).convert(words, count: count, parallel: parallel && HelperThread.isAvailable)
    }

    private struct Converter: @unchecked Sendable {
        /// powers[j] = 2^(64·2^j) in base 10^19; read only.
        let powers: [DecimalStorage]

        func convert(_ words: UnsafePointer<UInt64>, count: Int, parallel: Bool,
                     workspace: DecimalProductWorkspace = DecimalProductWorkspace()) -> DecimalStorage {
            var count = count
            while count > 0 && words[count - 1] == 0 { count -= 1 }
            if count <= leafWords { return leaf(words, count: count) }
            // x = hi·2^(64·2^j) + lo, 2^j < count.
            let j = Int.bitWidth - 1 - (count - 1).leadingZeroBitCount
            let half = 1 << j
            var (low, high) = (DecimalStorage(capacity: 1), DecimalStorage(capacity: 1))
            let result = DecimalStorage(capacity: 1)
            if parallel {
                // The high part is 1 to 2^j words: when it has at least a third of the work, the two
                // parts run at once; otherwise the low part, the larger, splits on two threads itself.
                if 2 * (count - half) >= half {
                    let helperWorkspace = DecimalProductWorkspace()
                    runConcurrently({ low = convert(words, count: half, parallel: false, workspace: workspace) },
                                    { high = convert(words + half, count: count - half, parallel: false, workspace: helperWorkspace) })
                } else {
                    high = convert(words + half, count: count - half, parallel: false, workspace: workspace)
                    low = convert(words, count: half, parallel: true, workspace: workspace)
                }
                result.setProductInOwnBuffer(high, powers[j], using: workspace, releasingOperands: false, concurrently: true)
            } else {
                low = convert(words, count: half, parallel: false, workspace: workspace)
                high = convert(words + half, count: count - half, parallel: false, workspace: workspace)
                result.setProduct(high, powers[j], using: workspace)
            }
            high.release()
            result.setSum(result, low)
            return result
        }

        /// GMP's conversion of at most `leafWords` words (normalized), packed into limbs of 19 digits.
        private func leaf(_ words: UnsafePointer<UInt64>, count: Int) -> DecimalStorage {
            let result = DecimalStorage(capacity: 1)
            guard count > 0 else { return result }
            // mpn_get_str destroys its input and wants room for sizeinbase + 1 digit values.
            var copy = (0..<count).map { UInt(words[$0]) }
            var digits = [UInt8](repeating: 0, count: count * 20 + 1)
            let length = digits.withUnsafeMutableBufferPointer { __gmpn_get_str($0.baseAddress!, 10, &copy, count) }
            digits.withUnsafeBufferPointer { result.setDigits(UnsafeBufferPointer(rebasing: $0.prefix(length)), zero: 0) }
            return result
        }
    }
}
