import BigNum

// The decimal digits of F(n) and L(n): what a user who prints a Fibonacci number waits for.
//
// `print(fibonacci(n))` computes F(n) in binary and then converts it, and for large n the conversion
// costs four to seven times the computation. These functions compute in base 10^19 instead (see
// `DecimalFastDoubling`), where the digits are a linear pass, or take GMP's route where that is
// faster (small n).

/// How the digits of F(n) or L(n) are computed.
public enum DigitRoute: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// GMP's `mpz_fib_ui` (or `mpz_lucnum_ui`) in binary, then `mpz_get_str`: the fastest while the
    /// numbers are small, where the conversion is cheap.
    case gmp
    /// Fast doubling in base 10^19 (products by number-theoretic transforms on the vector units, or
    /// Kronecker substitution over GMP's where the processor lacks them) on one thread; the digits
    /// are a linear pass over the limbs.
    case decimalDoubling
    /// ``decimalDoubling`` with the two squarings of each step, and the final step, on two threads
    /// once the numbers are large (below that, exactly ``decimalDoubling``).
    case parallelDecimalDoubling

    public var description: String { rawValue }

    /// |n| from which computing in decimal beats GMP's binary computation plus conversion (measured
    /// crossover with `fib-bench --suites digits`; below it the difference is microseconds).
    public static let decimalThreshold = 20_000

    /// Limbs of F(j) (base 10^19) from which ``parallelDecimalDoubling`` splits each step over two
    /// threads.
    public static let parallelThresholdLimbs = 128

    /// The route that gives the digits of F(n) or L(n) fastest here: ``gmp`` for small |n|, then
    /// ``parallelDecimalDoubling`` on a machine with a second core (each step takes the helper thread
    /// with a try-acquire, and runs on the calling thread alone when another computation holds it),
    /// else ``decimalDoubling``. Either peaks within 2.1x of GMP's memory (`fib-bench --suites
    /// digits`, 60 points a decade from 10^4 to 10^7): the two threads' squarings take less than the
    /// last product, which runs on the first thread's buffers.
    public static func fastest(for n: Int) -> DigitRoute {
        if n.magnitude < UInt(decimalThreshold) { return .gmp }
        return HelperThread.isAvailable ? .parallelDecimalDoubling : .decimalDoubling
    }
}

/// The decimal digits of F(n), with a leading `-` when F(n) is negative (n < 0 and even), by the
/// fastest route for n (``DigitRoute/fastest(for:)``) unless `route` names one. The same text as
/// `String(fibonacci(n))`, several times sooner for large n.
///
/// ```swift
/// let digits = fibonacciDigits(10_000_000)     // 2,089,877 digits
/// ```
///
/// Traps when |n| exceeds ``FibonacciLimits/maximumIndex``.
///
/// - Complexity: O(M(n)): less time than `mpz_fib_ui` alone from n of a few million (products by
///   transforms on the vector units; about 2.5 `mpz_fib_ui` by Kronecker substitution without
///   them), where `mpz_fib_ui` and `mpz_get_str` take 6.5 to 7.6.
public func fibonacciDigits(_ n: Int, route: DigitRoute? = nil) -> String {
    String(decoding: fibonacciUTF8Digits(n, route: route), as: UTF8.self)
}

/// The decimal digits of F(n) as UTF-8 bytes, written once into the array's storage; as
/// ``fibonacciDigits(_:route:)``.
public func fibonacciUTF8Digits(_ n: Int, route: DigitRoute? = nil) -> [UInt8] {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    return SequenceDigits(.fibonacci, n).utf8(route: route ?? .fastest(for: n), checkpoint: {})
}

/// The decimal digits of L(n), the n-th Lucas number, with a leading `-` when L(n) is negative
/// (n < 0 and odd); as ``fibonacciDigits(_:route:)``.
public func lucasDigits(_ n: Int, route: DigitRoute? = nil) -> String {
    String(decoding: lucasUTF8Digits(n, route: route), as: UTF8.self)
}

/// The decimal digits of L(n) as UTF-8 bytes, written once into the array's storage.
public func lucasUTF8Digits(_ n: Int, route: DigitRoute? = nil) -> [UInt8] {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    return SequenceDigits(.lucas, n).utf8(route: route ?? .fastest(for: n), checkpoint: {})
}

/// The digits of F(n) or L(n) and the route that computed them, or a thrown ``FibonacciError`` when
/// |n| exceeds `maximumIndex` (or the module's own limit), or when `shouldStop` returns true at one of
/// the checks made between doubling steps: for a server that bounds its work and drops the work of
/// a client that went away.
///
/// - Complexity: as ``fibonacciDigits(_:route:)``; `shouldStop` runs once per doubling step.
public func sequenceUTF8Digits(
    _ sequence: IntegerSequence, _ n: Int, route: DigitRoute? = nil, maximumIndex: Int,
    shouldStop: () -> Bool = { false }
) throws(FibonacciError) -> (digits: [UInt8], route: DigitRoute) {
    let maximum = min(maximumIndex, FibonacciLimits.maximumIndex)
    guard n.magnitude <= maximum else { throw .indexTooLarge(index: n, maximum: maximum) }
    let route = route ?? .fastest(for: n)
    do {
        let digits = try SequenceDigits(sequence, n).utf8(route: route) {
            if shouldStop() { throw FibonacciError.cancelled }
        }
        return (digits, route)
    } catch {
        throw .cancelled
    }
}

/// |F(n)| in base 10^19, by fast doubling in that radix: for arithmetic that goes on in decimal.
/// `threads: 2` splits each step over two threads when a second core is free.
///
/// Traps when |n| exceeds ``FibonacciLimits/maximumIndex``.
///
/// - Complexity: O(M(n)).
public func decimalFibonacci(_ n: Int, threads: Int = 1) -> DecimalUInt {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    return decimalDoubling(threads: threads).fibonacci(n.magnitude, checkpoint: {})
}

/// |L(n)| in base 10^19, by fast doubling in that radix; as ``decimalFibonacci(_:threads:)``.
public func decimalLucas(_ n: Int, threads: Int = 1) -> DecimalUInt {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    return decimalDoubling(threads: threads).lucas(n.magnitude, checkpoint: {})
}

/// The decimal digits of the consecutive terms F(start), F(start + 1), ..., F(start + count - 1):
/// the first two terms by one decimal doubling, every other one by one addition (or, below index 0, one
/// subtraction) in base 10^19, so no term is converted from binary.
///
/// Traps when `count` is negative or an index exceeds ``FibonacciLimits/maximumIndex``.
///
/// - Complexity: O(M(n)) for the first terms, then O(n) a term.
public func fibonacciDigits(from start: Int, count: Int) -> [String] {
    precondition(count >= 0, "count must not be negative, not \(count)")
    guard count > 0 else { return [] }
    let last = start + count - 1
    precondition(start.magnitude <= FibonacciLimits.maximumIndex && last.magnitude < FibonacciLimits.maximumIndex,
                 "\(FibonacciError.indexTooLarge(index: max(start.magnitude, last.magnitude) == start.magnitude ? start : last, maximum: FibonacciLimits.maximumIndex))")
    var terms: [String] = []
    terms.reserveCapacity(count)
    if start < 0 {
        // |F(k)| = F(|k|) for k < 0, walked downwards in |k|: F(m - 2) = F(m) - F(m - 1).
        let pair = decimalDoubling(threads: 1).pair(start.magnitude)
        var (current, previous) = (pair.current, pair.previous)
        for k in start...min(last, -1) {
            // F(k) = (-1)^(k+1) F(|k|): negative for even k.
            terms.append(k & 1 == 0 ? "-" + current.description : current.description)
            (current, previous) = (previous, current - previous)
        }
    }
    if last >= 0 {
        let first = max(start, 0)
        // (F(first), F(first + 1)) from one doubling.
        var (current, next) = decimalDoubling(threads: 1).pair(UInt(first) + 1)
        for _ in first...last {
            terms.append(current.description)
            (current, next) = (next, current + next)
        }
    }
    return terms
}

/// The two integer sequences whose digits this module writes.
public enum IntegerSequence: String, CaseIterable, Sendable, Codable {
    /// F(n): F(0) = 0, F(1) = 1, F(-n) = (-1)^(n+1) F(n).
    case fibonacci
    /// L(n): L(0) = 2, L(1) = 1, L(-n) = (-1)^n L(n).
    case lucas
}

private func decimalDoubling(threads: Int) -> DecimalFastDoubling {
    precondition(threads >= 1, "threads must be at least 1, not \(threads)")
    return DecimalFastDoubling(parallelLimbs: threads > 1 ? DigitRoute.parallelThresholdLimbs : .max)
}

/// One term's digits by a given route.
private struct SequenceDigits {
    let sequence: IntegerSequence
    let n: Int

    init(_ sequence: IntegerSequence, _ n: Int) {
        self.sequence = sequence
        self.n = n
    }

    /// The sign rules: F(-n) < 0 for even n, L(-n) < 0 for odd n.
    var isNegative: Bool {
        n < 0 && (sequence == .fibonacci ? n & 1 == 0 : n & 1 == 1)
    }

    /// |F(n)| or |L(n)| from the word-sized table, when it fits there.
    var smallMagnitude: UInt64? {
        let magnitude = Int(n.magnitude)
        switch sequence {
        case .fibonacci where magnitude <= smallFibonacciLimit: return smallFibonacci[magnitude]
        case .lucas where magnitude <= smallLucasLimit: return smallLucas(magnitude)
        default: return nil
        }
    }

    func utf8(route: DigitRoute, checkpoint: () throws -> Void) rethrows -> [UInt8] {
        switch route {
        case .gmp:
            try checkpoint()
            if let small = smallMagnitude {
                // Within a word: no BigInt at all (a server answers these by the thousand).
                return Array(((isNegative ? "-" : "") + String(small)).utf8)
            }
            let magnitude = sequence == .fibonacci ? BigInt.gmpFibonacci(n.magnitude) : BigInt.gmpLucas(n.magnitude)
            return (isNegative ? -magnitude : magnitude).utf8Digits()
        case .decimalDoubling, .parallelDecimalDoubling:
            let threads = route == .parallelDecimalDoubling ? 2 : 1
            let doubling = decimalDoubling(threads: threads)
            let magnitude = sequence == .fibonacci
                ? try doubling.fibonacci(n.magnitude, checkpoint: checkpoint)
                : try doubling.lucas(n.magnitude, checkpoint: checkpoint)
            let signLength = isNegative ? 1 : 0
            return [UInt8](unsafeUninitializedCapacity: signLength + magnitude.decimalDigitCount) { buffer, count in
                if isNegative { buffer[0] = UInt8(ascii: "-") }
                let digits = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[signLength...])
                count = signLength + magnitude.writeDigits(into: digits, threads: threads)
            }
        }
    }
}
