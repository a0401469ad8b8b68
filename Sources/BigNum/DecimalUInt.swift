/// An arbitrary-precision unsigned integer stored in decimal: limbs of 19 decimal digits (base 10^19)
/// in 64-bit words, lowest first.
///
/// Its decimal digits are a linear pass over the limbs, where a binary integer needs a subquadratic
/// but costly conversion (for 2 million digits, GMP's `mpz_get_str` takes about five times as long
/// as computing the value). Arithmetic that ends in digits can therefore run in this radix: addition
/// and subtraction are linear, and products go through number-theoretic transforms on the vector
/// units (a square of 55,000 limbs in about 6 ms), or Kronecker substitution over GMP's binary
/// multiplication where the processor lacks them, or the schoolbook for a few limbs.
///
/// ```swift
/// let a = DecimalUInt("123456789012345678901234567890")!
/// let b = a * a + 1
/// print(b)                      // digits straight from the limbs
/// let c = BigInt(b)             // exact conversions both ways
/// ```
///
/// A value type with copy-on-write, like ``BigInt``. Subtraction below zero traps, as for `UInt`.
public struct DecimalUInt: Sendable {
    var storage: DecimalStorage

    /// Wraps a storage the caller owns alone (the Fibonacci module's results).
    package init(storage: DecimalStorage) {
        self.storage = storage
    }

    /// Zero.
    public init() {
        storage = DecimalStorage(capacity: 1)
    }

    /// The value of `value`.
    public init(_ value: UInt64) {
        self.init()
        storage.set(value)
    }

    /// The value from its limbs, lowest first, each below 10^19; `nil` when a limb is not.
    ///
    /// - Complexity: O(n).
    public init?(limbs: some Collection<UInt64>) {
        guard limbs.allSatisfy({ $0 < DecimalRadix.radix }) else { return nil }
        storage = DecimalStorage(capacity: limbs.count)
        for (index, limb) in limbs.enumerated() { storage.limbs[index] = limb }
        storage.count = decimalNormalizedCount(storage.limbs, limbs.count)
    }

    /// The limbs, lowest first, each below 10^19; empty for zero.
    public var limbs: [UInt64] {
        Array(UnsafeBufferPointer(start: storage.limbs, count: storage.count))
    }

    /// 10^19, the radix of the limbs.
    public static var radix: UInt64 { DecimalRadix.radix }

    public var isZero: Bool { storage.isZero }

    /// The storage, made unique first (copy-on-write), with room for `capacity` limbs.
    mutating func uniqueStorage(capacity: Int = 0) -> DecimalStorage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(minimumCapacity: capacity)
        } else {
            storage.reserve(capacity)
        }
        return storage
    }

    /// Calls `body` with the limbs in use (lowest first).
    func withLimbs<Result>(_ body: (UnsafePointer<UInt64>, Int) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(storage.limbs, storage.count) }
    }
}

// MARK: - Conversions with BigInt

extension DecimalUInt {
    /// The value of a non-negative `BigInt`, exactly; `nil` for a negative one.
    ///
    /// - Complexity: O(M(n) log n): binary halves converted and joined by decimal products.
    public init?(exactly value: BigInt) {
        guard !value.isNegative else { return nil }
        // Straight from the binary words by decimal products (GMP's conversion at the leaves): no text.
        self.init(storage: value.withUnsafeMPZ { DecimalFromBinary.convert($0, parallel: false) })
    }

    /// The value of a non-negative `BigInt`. Traps when `value` is negative.
    public init(_ value: BigInt) {
        guard let converted = DecimalUInt(exactly: value) else {
            preconditionFailure("DecimalUInt cannot hold the negative value \(value)")
        }
        self = converted
    }
}

extension BigInt {
    /// The value of a `DecimalUInt`, exactly.
    ///
    /// - Complexity: GMP's conversion from decimal (`mpn_set_str`), O(M(n) log n), on digit values
    ///   written once: no text to check again.
    public init(_ value: DecimalUInt) {
        var values = value.utf8Digits()
        for index in values.indices { values[index] &-= UInt8(ascii: "0") }
        self = values.withUnsafeBufferPointer { BigInt.parse($0, radix: 10) }
    }
}

// MARK: - Equatable, Hashable, Comparable

extension DecimalUInt: Equatable, Hashable, Comparable {
    public static func == (lhs: DecimalUInt, rhs: DecimalUInt) -> Bool {
        compare(lhs, rhs) == 0
    }

    public static func < (lhs: DecimalUInt, rhs: DecimalUInt) -> Bool {
        compare(lhs, rhs) < 0
    }

    public func hash(into hasher: inout Hasher) {
        withLimbs { limbs, count in
            hasher.combine(count)
            for index in 0..<count { hasher.combine(limbs[index]) }
        }
    }

    private static func compare(_ lhs: DecimalUInt, _ rhs: DecimalUInt) -> Int {
        lhs.withLimbs { a, na in rhs.withLimbs { b, nb in decimalCompare(a, na, b, nb) } }
    }
}

extension DecimalUInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt64) {
        self.init(value)
    }
}
