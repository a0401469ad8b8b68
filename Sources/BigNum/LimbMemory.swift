import CGMP

/// Limb buffers from GMP's own allocator (`mp_get_memory_functions`), for the decimal arithmetic's
/// values and workspaces: a program that counts or replaces GMP's memory functions (the benchmark
/// counts them to compare peaks) then sees these buffers too, as it sees GMP's own.
enum LimbMemory {
    /// Room for `count` limbs (uninitialized).
    static func allocate<Limb: FixedWidthInteger>(_ count: Int, as type: Limb.Type = Limb.self) -> UnsafeMutablePointer<Limb> {
        var allocate: (@convention(c) (Int) -> UnsafeMutableRawPointer?)?
        __gmp_get_memory_functions(&allocate, nil, nil)
        // GMP's allocator aborts the process when memory runs out; it never returns nil.
        return allocate!(count * MemoryLayout<Limb>.stride)!.bindMemory(to: Limb.self, capacity: count)
    }

    /// Frees a buffer from ``allocate(_:as:)`` of `count` limbs.
    static func free<Limb: FixedWidthInteger>(_ pointer: UnsafeMutablePointer<Limb>, count: Int) {
        var free: (@convention(c) (UnsafeMutableRawPointer?, Int) -> Void)?
        __gmp_get_memory_functions(nil, nil, &free)
        free!(UnsafeMutableRawPointer(pointer), count * MemoryLayout<Limb>.stride)
    }

    /// Shrinks a buffer from ``allocate(_:as:)`` of `count` limbs to `newCount` (<= count) limbs,
    /// keeping its first `newCount`; the buffer may move.
    static func shrink<Limb: FixedWidthInteger>(_ pointer: UnsafeMutablePointer<Limb>, from count: Int, to newCount: Int) -> UnsafeMutablePointer<Limb> {
        var reallocate: (@convention(c) (UnsafeMutableRawPointer?, Int, Int) -> UnsafeMutableRawPointer?)?
        __gmp_get_memory_functions(nil, &reallocate, nil)
        let stride = MemoryLayout<Limb>.stride
        return reallocate!(UnsafeMutableRawPointer(pointer), count * stride, newCount * stride)!
            .bindMemory(to: Limb.self, capacity: newCount)
    }
}
