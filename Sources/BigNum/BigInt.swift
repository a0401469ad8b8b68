import CGMP

/// An arbitrary-precision signed integer backed by GMP's `mpz_t`.
///
/// `BigInt` is a value type: copies are cheap (they share storage) and a copy is made only when a
/// shared value is mutated (copy-on-write). It conforms to `SignedInteger`, so it works with every
/// generic integer algorithm, and it behaves like `Int` wherever a value fits in `Int`.
///
/// ```swift
/// let a: BigInt = 1 << 200
/// let b = BigInt("123456789012345678901234567890")!
/// print(a * b + 1)
/// ```
///
/// Operations whose result would exceed GMP's limit (``maximumBitWidth``) trap with a message,
/// as `Int` traps on overflow; division by zero traps too.
///
/// `@unchecked Sendable`: a value mutates its `mpz_t` only after `isKnownUniquelyReferenced` has shown
/// that no other value, and so no other thread, can see that storage; shared storage is only read.
public struct BigInt: @unchecked Sendable {
    @usableFromInline
    internal var storage: MPZStorage

    @inlinable
    internal init(storage: MPZStorage) {
        self.storage = storage
    }

    /// Creates a new value equal to zero.
    ///
    /// - Complexity: O(1); allocates no limbs.
    @inlinable
    public init() {
        self.init(storage: MPZStorage.make())
    }
}

/// The heap object that owns one `mpz_t`.
///
/// The `mpz_t` lives in the object's header, so its address is stable for the object's lifetime and
/// one allocation serves both. Every access goes through `withUnsafeMutablePointerToHeader`, which keeps
/// the object alive for the duration of the call and involves no Swift inout access, so passing the
/// same value twice to GMP (`x + x`) is fine.
@usableFromInline
internal final class MPZStorage: ManagedBuffer<__mpz_struct, UInt8> {
    /// A new storage holding zero.
    @inlinable
    static func make() -> MPZStorage {
        let storage = unsafeDowncast(
            MPZStorage.create(minimumCapacity: 0) { _ in __mpz_struct() },
            to: MPZStorage.self)
        storage.withUnsafeMutablePointerToHeader { __gmpz_init($0) }
        return storage
    }

    /// A new storage holding a copy of this one's value.
    @inlinable
    func copy() -> MPZStorage {
        let result = MPZStorage.make()
        result.withUnsafeMutablePointerToHeader { destination in
            withUnsafeMutablePointerToHeader { source in __gmpz_set(destination, source) }
        }
        return result
    }

    deinit {
        withUnsafeMutablePointerToHeader { __gmpz_clear($0) }
    }
}

// MARK: - Access to the underlying mpz_t

extension BigInt {
    /// Calls `body` with a read-only pointer to the underlying `mpz_t`.
    ///
    /// For this package's modules and tests only (`package`): GMP stays behind BigNum's API. The pointer
    /// is valid only inside `body`; GMP must not modify the value through it.
    ///
    /// - Complexity: O(1).
    @inlinable
    package func withUnsafeMPZ<Result>(
        _ body: (UnsafePointer<__mpz_struct>) throws -> Result
    ) rethrows -> Result {
        try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
    }

    /// Calls `body` with a mutable pointer to the underlying `mpz_t`, first making the storage unique
    /// (copy-on-write), so a change made through the pointer is seen by this value only.
    ///
    /// The pointer is valid only inside `body`. It may be passed to GMP as both input and output.
    ///
    /// - Complexity: O(1) when the storage is not shared, otherwise O(n) to copy it first.
    @inlinable
    package mutating func withUnsafeMutableMPZ<Result>(
        _ body: (UnsafeMutablePointer<__mpz_struct>) throws -> Result
    ) rethrows -> Result {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy()
        }
        return try storage.withUnsafeMutablePointerToHeader { try body($0) }
    }

    /// Creates a value by letting `initializer` set a fresh `mpz_t` (initialized to zero).
    ///
    /// The result is written straight into the new value's own storage: no temporary, no copy.
    ///
    /// - Complexity: O(1) plus the cost of `initializer`.
    @inlinable
    package init(
        unsafeMPZInitializer initializer: (UnsafeMutablePointer<__mpz_struct>) throws -> Void
    ) rethrows {
        let storage = MPZStorage.make()
        try storage.withUnsafeMutablePointerToHeader { try initializer($0) }
        self.init(storage: storage)
    }

    /// Identifies the storage, so tests can check that in-place operations do not reallocate it.
    internal var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }
}

// MARK: - Cheap queries used throughout

extension BigInt {
    /// -1, 0 or 1 according to the sign, read straight from the `mpz_t` header.
    @inlinable
    internal var sign: Int {
        withUnsafeMPZ { Int(cgmp_mpz_sgn($0)) }
    }

    /// Number of 64-bit limbs in the magnitude (0 for zero).
    @inlinable
    internal var limbCount: Int {
        withUnsafeMPZ { cgmp_mpz_limb_count($0) }
    }

    /// Number of bits in the magnitude: 0 for zero, otherwise the position of the highest one bit
    /// plus one.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var magnitudeBitWidth: Int {
        withUnsafeMPZ { cgmp_mpz_sgn($0) == 0 ? 0 : Int(__gmpz_sizeinbase($0, 2)) }
    }

    /// `true` when the value is zero.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var isZero: Bool { sign == 0 }

    /// `true` when the value is less than zero.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var isNegative: Bool { sign < 0 }
}

// MARK: - The library underneath

extension BigInt {
    /// The version of the GMP library this process runs with, such as "6.2.1".
    public static var gmpVersion: String { String(cString: __gmp_version) }
}
