import CGMP

/// Asks glibc's malloc to keep freed memory for reuse instead of returning it to the kernel: no
/// `mmap` for blocks under 256 MiB, no trimming of the heap top under 1 GiB.
///
/// GMP allocates and frees a temporary buffer of megabytes for every large product or division. By
/// default each one is a fresh `mmap` (or a trimmed heap regrown), so every operation page-faults its
/// buffer in again; on two threads those faults contend in the kernel and cost more than the second
/// thread saves (measured here for F(10^7) on two threads: 0.78x of mpz_fib_ui without this, 0.56x to
/// 0.69x with it). The price is that the process keeps its peak heap after a large computation.
///
/// It changes the whole process, once. The multi-threaded paths (`String(_:radix:uppercase:threads:)`
/// and the Fibonacci module's `parallelFastDoubling`) call it on first use; call it up front to run
/// everything under the same allocator (as the benchmark does). Does nothing without glibc.
public func tuneAllocatorForLargeTemporaries() {
    _ = allocatorTuning
}

/// Runs the tuning once per process (a global's initializer runs exactly once).
private let allocatorTuning: Void = {
    _ = cgmp_set_malloc_thresholds(256 << 20, 1 << 30)
}()
