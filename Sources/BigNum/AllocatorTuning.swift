import CGMP
import Synchronization

/// The one process-wide setting this package may change: glibc malloc's thresholds, so that freed
/// memory is kept for reuse instead of being returned to the kernel (no `mmap` for blocks under
/// 256 MiB, no trimming of the heap top under 1 GiB).
///
/// GMP allocates and frees a temporary buffer of megabytes for every large product or division. By
/// default glibc returns such blocks to the kernel, so every operation page-faults its buffer in
/// again; on two threads those faults contend in the kernel and cost more than the second thread
/// saves (measured here for F(10^7) on two threads: 0.78x of `mpz_fib_ui` without the tuning,
/// 0.56x to 0.69x with it). The price is that the process keeps its peak heap after a large
/// computation.
///
/// The two-thread paths (`String(_:radix:uppercase:threads:)` with `threads > 1`, and the Fibonacci
/// module's two-thread strategies and decimal routes) apply it on their first use, once, unless the
/// program has opted out first:
///
/// ```swift
/// AllocatorTuning.isAllowed = false   // keep glibc's defaults; two-thread work gets slower
/// ```
///
/// Single-threaded work never changes it. Without glibc it does nothing.
public enum AllocatorTuning {
    private static let allowed = Atomic<Bool>(true)
    private static let applied = Atomic<Bool>(false)

    /// Whether the two-thread paths may apply the tuning on first use (default `true`). Set it to
    /// `false` before any two-thread computation to keep glibc's defaults for the whole process.
    public static var isAllowed: Bool {
        get { allowed.load(ordering: .relaxed) }
        set { allowed.store(newValue, ordering: .relaxed) }
    }

    /// Whether the tuning has been applied in this process.
    public static var isApplied: Bool { applied.load(ordering: .acquiring) }

    /// Applies the tuning now, whatever ``isAllowed`` says: for a program that wants all its work,
    /// single-threaded too, under the same allocator settings (the benchmark does this). Returns
    /// whether the settings took effect (false without glibc).
    @discardableResult
    public static func apply() -> Bool {
        guard !applied.exchange(true, ordering: .acquiringAndReleasing) else { return true }
        return cgmp_set_malloc_thresholds(256 << 20, 1 << 30) != 0
    }

    /// Called by the two-thread paths before their first large computation.
    package static func applyIfAllowed() {
        if isAllowed && !isApplied { apply() }
    }
}
