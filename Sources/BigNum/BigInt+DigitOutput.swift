import CGMP

// Digits written once into a caller's buffer, an array or a string, on one thread or several (the
// conversion itself is DigitWriter's).

extension BigInt {
    /// Below this many digits a value goes straight to GMP's conversion, whatever `threads` says: the
    /// divisions and a second thread cost more than they save (measured crossover near 10^4 digits).
    public static let parallelConversionDigitThreshold = 30_000

    /// From this many decimal digits on, one-thread decimal output (`description`, `String(x)`) takes
    /// the scaled remainder tree rather than GMP's `mpz_get_str` (measured crossover).
    public static var decimalTreeDigitThreshold: Int { DecimalConversion.digitThreshold }

    /// From this many decimal digits on, decimal output on two threads or more takes the scaled
    /// remainder tree on two threads.
    public static var parallelDecimalTreeDigitThreshold: Int { DecimalConversion.parallelDigitThreshold }

    /// The most bytes ``writeDigits(into:radix:uppercase:threads:)`` writes for this value: the digits,
    /// a sign, and room the conversion uses while it works.
    ///
    /// - Complexity: O(1).
    public func maximumDigitBytes(radix: Int = 10, threads: Int = 1) -> Int {
        precondition((2...36).contains(radix), "Radix must be between 2 and 36, not \(radix)")
        // mpz_sizeinbase may overstate by one; each leaf keeps one spare byte for GMP's NUL.
        return withUnsafeMPZ { Int(__gmpz_sizeinbase($0, Int32(radix))) } + 2 + Swift.max(threads, 1)
    }

    /// Writes the digits of `self` in `radix` (with a leading `-` when negative) as ASCII (so UTF-8)
    /// into `buffer`, and returns how many bytes it wrote. `buffer` needs at least
    /// ``maximumDigitBytes(radix:threads:)`` bytes; nothing else is allocated for the digits, so a
    /// server can write a response body in place.
    ///
    /// In radix 10, where the processor runs BigNum's decimal transforms, from 10^5 digits on (1.25·10^5
    /// with `threads` above 1), the value is converted by decimal products: its halves, split at 2^j
    /// words, joined as D(hi)·D(2^(64·2^j)) + D(lo) in base 10^19, then written in one linear pass.
    /// Elsewhere, from ``decimalTreeDigitThreshold`` digits on (or
    /// ``parallelDecimalTreeDigitThreshold`` with `threads` above 1), the digits come from a scaled
    /// remainder tree: multiplications only (x / 10^k at the top by a product with a cached
    /// reciprocal of a power of ten, then each node one middle product by a cached power of ten),
    /// every chunk of 19 digits written in place; with `threads` above 1 the top product is split
    /// over two threads and the subtrees are shared out between them. Otherwise, with `threads` above 1 and a value of at least
    /// ``parallelConversionDigitThreshold`` digits in a radix that is not a power of two, the value is
    /// split by powers of the radix into `threads` pieces, converted concurrently by GMP, and joined
    /// with each low piece zero-padded to its exact width; and otherwise this is GMP's `mpz_get_str`
    /// on the calling thread (a power-of-two radix is linear-time already).
    ///
    /// - Complexity: O(M(n) log n) work. Measured on the 2-core machine of Docs/Benchmarks.md, decimal
    ///   products take 0.53x and 0.45x of `mpz_get_str`'s time at 2·10^6 and 2·10^7 digits on one
    ///   thread, 0.36x and 0.29x on two free cores; the decimal tree about 0.6x to 0.7x on one thread
    ///   and 0.38x to 0.45x on two, once its powers of ten and their reciprocals are cached (the first
    ///   conversion of a size computes them: about 1.0x to 1.2x on one thread).
    public func writeDigits(
        into buffer: UnsafeMutableRawBufferPointer, radix: Int = 10, uppercase: Bool = false, threads: Int = 1
    ) -> Int {
        let needed = maximumDigitBytes(radix: radix, threads: threads)
        precondition(buffer.count >= needed, "writeDigits needs \(needed) bytes, the buffer has \(buffer.count)")
        let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let signLength = isNegative ? 1 : 0
        if isNegative { start[0] = UInt8(ascii: "-") }
        let digits = withUnsafeMPZ { mpz in
            // A read-only view of |self|: the same limbs, a non-negative size.
            var magnitude = mpz.pointee
            magnitude._mp_size = abs(magnitude._mp_size)
            return DigitWriter(radix: radix, uppercase: uppercase).write(&magnitude, into: start + signLength, threads: threads)
        }
        return signLength + digits
    }

    /// The digits of `self` as UTF-8 bytes, written once into the array's storage.
    ///
    /// - Complexity: as ``writeDigits(into:radix:uppercase:threads:)``.
    public func utf8Digits(radix: Int = 10, uppercase: Bool = false, threads: Int = 1) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: maximumDigitBytes(radix: radix, threads: threads)) { buffer, count in
            count = writeDigits(into: UnsafeMutableRawBufferPointer(buffer), radix: radix, uppercase: uppercase, threads: threads)
        }
    }
}

extension String {
    /// The digits of `value` in `radix`, converted on up to `threads` threads (see
    /// ``BigInt/writeDigits(into:radix:uppercase:threads:)``): the same text as
    /// `String(value, radix:uppercase:)`, faster for values of millions of digits when cores are free.
    /// `threads: 1` and small values use GMP's conversion directly.
    ///
    /// The plain `description` and `String(_:radix:uppercase:)` never start threads.
    ///
    /// - Complexity: O(M(n) log n) work.
    public init(_ value: BigInt, radix: Int = 10, uppercase: Bool = false, threads: Int) {
        precondition(threads >= 1, "threads must be at least 1, not \(threads)")
        self.init(unsafeUninitializedCapacity: value.maximumDigitBytes(radix: radix, threads: threads)) { buffer in
            value.writeDigits(into: UnsafeMutableRawBufferPointer(buffer), radix: radix, uppercase: uppercase, threads: threads)
        }
    }
}
