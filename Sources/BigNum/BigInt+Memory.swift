import CGMP

extension BigInt {
    /// The heap bytes this value holds: its storage object and GMP's limb array, as the allocator
    /// sized them. Copies that share storage report the same bytes.
    ///
    /// - Complexity: O(1).
    public var allocatedByteCount: Int {
        withUnsafeMPZ { mpz in
            // _mp_alloc is 0 while the value has never allocated (it points at a shared dummy limb).
            let limbs = mpz.pointee._mp_alloc > 0 ? cgmp_malloc_usable_size(mpz.pointee._mp_d) : 0
            return cgmp_malloc_usable_size(Unmanaged.passUnretained(storage).toOpaque()) + limbs
        }
    }
}
