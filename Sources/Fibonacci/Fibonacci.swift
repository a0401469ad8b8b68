@_exported import BigNum

/// Why a checked Fibonacci computation did not return a value.
public enum FibonacciError: Error, Equatable, Sendable, CustomStringConvertible {
    /// |n| is beyond the limit the caller set, or beyond ``FibonacciLimits/maximumIndex``.
    case indexTooLarge(index: Int, maximum: Int)
    /// The computation was asked to stop (its task was cancelled, or `shouldStop` returned true).
    case cancelled

    public var description: String {
        switch self {
        case let .indexTooLarge(index, maximum):
            "Fibonacci index \(index) is too large: |n| must be at most \(maximum)"
        case .cancelled:
            "The Fibonacci computation was cancelled"
        }
    }
}

/// The bounds of what this module computes.
public enum FibonacciLimits {
    /// The largest |n| for which F(n) and L(n) fit in a GMP integer: 197,969,828,772 (about 2·10¹¹),
    /// where F(n) has 1.37·10¹¹ bits (16 GiB). In practice memory bounds n first: computing F(n)
    /// holds about three times the result, 0.26·n bytes.
    public static let maximumIndex = Int(Double(BigInt.maximumBitWidth - 512) / 0.6942419136306174)
}

// MARK: - F(n)

/// F(n), the n-th Fibonacci number, for any n with |n| <= ``FibonacciLimits/maximumIndex``:
/// F(0) = 0, F(1) = 1, F(n) = F(n-1) + F(n-2), and F(-n) = (-1)^(n+1) F(n).
///
/// ```swift
/// fibonacci(1_000)                      // by the fastest strategy for n
/// fibonacci(1_000, using: .iterative)   // by a chosen one
/// ```
///
/// Traps when |n| exceeds ``FibonacciLimits/maximumIndex``; use
/// ``fibonacci(_:using:maximumIndex:shouldStop:)`` for a thrown error instead.
///
/// To print F(n) or send its digits, use ``fibonacciDigits(_:route:)`` (or
/// ``fibonacciUTF8Digits(_:route:)``) rather than `print(fibonacci(n))`: the value is binary, and
/// converting it to decimal costs four to seven times computing it, where `fibonacciDigits` computes
/// in decimal and writes the digits in one pass (about a fifth of GMP's time on two threads).
///
/// - Complexity: O(M(n)) for the doubling strategies and GMP, O(M(n) log n) for the matrix,
///   O(n²) for the iterative one, O(1) for a cached index.
public func fibonacci(_ n: Int, using strategy: FibonacciStrategy? = nil) -> BigInt {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    guard let strategy else {
        // The default answers every F(n) that fits a UInt64 from the table, with no strategy at all.
        if n.magnitude <= smallFibonacciLimit {
            return signedFibonacci(n, magnitude: BigInt(smallFibonacci[Int(n.magnitude)]))
        }
        return signedFibonacci(n, magnitude: FibonacciStrategy.fastest(for: n).compute(n.magnitude, checkpoint: {}))
    }
    return signedFibonacci(n, magnitude: strategy.compute(n.magnitude, checkpoint: {}))
}

/// F(n), or a thrown ``FibonacciError`` when |n| exceeds `maximumIndex` (or the module's own limit), or
/// when `shouldStop` returns true at one of the checks made between steps.
///
/// - Complexity: as ``fibonacci(_:using:)``; `shouldStop` runs once per doubling step (about log₂ n
///   times), every 4,096 additions for ``FibonacciStrategy/iterative``, once for ``FibonacciStrategy/gmp``.
public func fibonacci(
    _ n: Int, using strategy: FibonacciStrategy? = nil, maximumIndex: Int,
    shouldStop: () -> Bool = { false }
) throws(FibonacciError) -> BigInt {
    let maximum = min(maximumIndex, FibonacciLimits.maximumIndex)
    guard n.magnitude <= maximum else { throw .indexTooLarge(index: n, maximum: maximum) }
    let strategy = strategy ?? .fastest(for: n)
    do {
        let magnitude = try strategy.compute(n.magnitude) {
            if shouldStop() { throw FibonacciError.cancelled }
        }
        return signedFibonacci(n, magnitude: magnitude)
    } catch {
        throw .cancelled
    }
}

/// F(n) in a task that can be cancelled: the computation checks for cancellation between doubling
/// steps and throws `CancellationError` as soon as it sees it, so a server can drop work whose client
/// went away. Throws ``FibonacciError/indexTooLarge(index:maximum:)`` for a too-large n.
///
/// The work runs on the calling task's thread; start it in a task of its own for large n.
public func cancellableFibonacci(
    _ n: Int, using strategy: FibonacciStrategy? = nil, maximumIndex: Int = FibonacciLimits.maximumIndex
) async throws -> BigInt {
    do {
        return try fibonacci(n, using: strategy, maximumIndex: maximumIndex) { Task.isCancelled }
    } catch .cancelled {
        throw CancellationError()
    }
}

/// Applies F(-n) = (-1)^(n+1) F(n): negative exactly when n is negative and even.
@inlinable
func signedFibonacci(_ n: Int, magnitude: BigInt) -> BigInt {
    n < 0 && n & 1 == 0 ? -magnitude : magnitude
}

// MARK: - Lucas numbers and pairs

/// L(n), the n-th Lucas number: L(0) = 2, L(1) = 1, L(n) = L(n-1) + L(n-2), and L(-n) = (-1)^n L(n).
///
/// Traps when |n| exceeds ``FibonacciLimits/maximumIndex``.
///
/// - Complexity: O(M(n)), by GMP's `mpz_lucnum_ui`.
public func lucas(_ n: Int) -> BigInt {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    let magnitude = BigInt.gmpLucas(n.magnitude)
    return n < 0 && n & 1 == 1 ? -magnitude : magnitude
}

/// (F(n-1), F(n)) together, for the price of about one F(n): the starting point for walking the
/// sequence by additions. Works for negative n too.
///
/// - Complexity: O(M(n)), by fast doubling.
public func fibonacciPair(_ n: Int) -> (previous: BigInt, current: BigInt) {
    precondition(n.magnitude < FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    if n > 0 { return FastDoubling().pair(n.magnitude) }
    // For n <= 0: F(n-1) = F(-(|n|+1)) and F(n) = F(-|n|), from the pair at |n| + 1.
    let (current, next) = FastDoubling().pair(n.magnitude + 1)
    return (signedFibonacci(n - 1, magnitude: next), signedFibonacci(n, magnitude: current))
}

/// The consecutive Fibonacci numbers F(start), F(start + 1), ...: one pair by fast doubling, then one
/// addition per term.
///
/// ```swift
/// for value in FibonacciSequence(startingAt: 1_000).prefix(3) { print(value) }
/// ```
public struct FibonacciSequence: Sequence, Sendable {
    public let start: Int

    public init(startingAt start: Int = 0) {
        self.start = start
    }

    public func makeIterator() -> Iterator {
        let (previous, current) = fibonacciPair(start)
        return Iterator(previous: previous, current: current)
    }

    public struct Iterator: IteratorProtocol, Sendable {
        var previous: BigInt
        var current: BigInt

        /// - Complexity: O(n) for the n-bit term.
        public mutating func next() -> BigInt? {
            // F(k+1) = F(k) + F(k-1), valid for every integer k.
            let value = current
            previous += current
            swap(&previous, &current)
            return value
        }
    }
}
