import CGMP

// The shapes every operation shares: a GMP call writing into a new value, or into a unique one.

extension BigInt {
    /// A GMP function of the shape `f(result, a, b)`, such as `mpz_add`.
    @usableFromInline
    typealias BinaryMPZFunction = (
        UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>
    ) -> Void

    /// `f(a, b)` written into a new value's own storage.
    @inlinable
    internal static func apply(_ f: BinaryMPZFunction, _ a: BigInt, _ b: BigInt) -> BigInt {
        BigInt { result in
            a.withUnsafeMPZ { a in b.withUnsafeMPZ { b in f(result, a, b) } }
        }
    }

    /// `a = f(a, b)`, in place when `a`'s storage is not shared.
    @inlinable
    internal static func applyInPlace(_ f: BinaryMPZFunction, _ a: inout BigInt, _ b: BigInt) {
        b.withUnsafeMPZ { b in
            a.withUnsafeMutableMPZ { a in f(a, a, b) }
        }
    }

    /// An upper bound on the bits of `a ± b`.
    @inlinable
    internal static func sumBits(_ a: BigInt, _ b: BigInt) -> Int {
        Swift.max(a.magnitudeBitWidth, b.magnitudeBitWidth) + 1
    }

    /// An upper bound on the bits of `a × b`.
    @inlinable
    internal static func productBits(_ a: BigInt, _ b: BigInt) -> Int {
        a.magnitudeBitWidth + b.magnitudeBitWidth
    }
}
