import CGMP

extension BigInt: Comparable, Hashable {
    /// - Complexity: O(1) when the signs or lengths differ, otherwise O(n) at worst.
    @inlinable
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// - Complexity: O(1) when the signs or lengths differ, otherwise O(n) at worst.
    @inlinable
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Negative, zero or positive as `lhs` is less than, equal to or greater than `rhs` (`mpz_cmp`).
    @inlinable
    internal static func compare(_ lhs: BigInt, _ rhs: BigInt) -> Int32 {
        if lhs.storage === rhs.storage { return 0 }
        return lhs.withUnsafeMPZ { a in rhs.withUnsafeMPZ { b in __gmpz_cmp(a, b) } }
    }

    /// Hashes the sign and the limbs of the magnitude: equal values hash equally.
    ///
    /// - Complexity: O(n).
    public func hash(into hasher: inout Hasher) {
        withUnsafeMPZ { value in
            let count = cgmp_mpz_limb_count(value)
            hasher.combine(cgmp_mpz_sgn(value))
            hasher.combine(bytes: UnsafeRawBufferPointer(
                start: value.pointee._mp_d, count: count * MemoryLayout<mp_limb_t>.stride))
        }
    }
}
