import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One long-lived second thread for splitting a computation in two.
///
/// Handing work to a dispatch pool per step cost about half of the work itself here, and waking a
/// parked thread takes tens of microseconds on this kind of machine. So the helper stays awake for a
/// short while after each job, watching for the next one (a doubling computation posts one every
/// few microseconds to milliseconds), and parks only when none comes; the caller likewise watches
/// for the helper's half to finish before it falls back to sleeping.
///
/// There is one helper: a caller that finds it busy (another computation is using the second core)
/// runs both halves itself, so concurrent callers never oversubscribe the machine.
package final class HelperThread: @unchecked Sendable {
    package static let shared = HelperThread()

    /// Whether splitting work can help at all: the machine has a second online core.
    package static let isAvailable = sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2

    /// How long the helper watches for a next job before it parks, and the caller for the helper's
    /// half before it yields its core between looks.
    private static let watchNanoseconds: UInt64 = 300_000
    private static let spinsBeforeYielding = 4_000

    private let isBusy = Atomic<Bool>(false)
    /// idle, then posted by the caller, then finished by the helper, then idle again (by the caller).
    private let jobState = Atomic<Int>(JobState.idle)
    private let isParked = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// The posted job: the address of the caller's closure, in the caller's frame, which outlives the
    /// job. Published with release and read with acquire, so the closure is in place before the
    /// helper can see it; the helper borrows it, and never stores it.
    ///
    /// (It was a stored `(() -> Void)?` that the caller set and the helper called and cleared: under
    /// a stress loop of two-thread calls one run in ten to twenty-five crashed, in
    /// `withoutActuallyEscaping`'s escape check or on a stale closure context, depending on how the
    /// optimizer placed that plain property's loads and releases around the atomics.)
    private let job = Atomic<UnsafeRawPointer?>(nil)

    private enum JobState {
        static let idle = 0, posted = 1, finished = 2
    }

    private init() {
        AllocatorTuning.applyIfAllowed()
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<HelperThread>.fromOpaque(context!).takeUnretainedValue().serve()
        }, context)
        precondition(status == 0, "Could not start BigNum's helper thread (pthread_create: \(status))")
        pthread_detach(thread)
    }

    private func serve() -> Never {
        while true {
            waitForPost()
            Self.call(job.load(ordering: .acquiring))
            jobState.store(JobState.finished, ordering: .releasing)
        }
    }

    /// Calls the closure at `address`. Not inlined, so that whatever the call retains is released
    /// before the helper reports the job finished.
    @inline(never)
    private static func call(_ address: UnsafeRawPointer?) {
        address?.assumingMemoryBound(to: (() -> Void).self).pointee()
    }

    /// Returns once a job is posted: watching at first, then parked on the semaphore.
    private func waitForPost() {
        let deadline = monotonicNanoseconds() + Self.watchNanoseconds
        var spins = 0
        while jobState.load(ordering: .acquiring) != JobState.posted {
            spins += 1
            if spins < Self.spinsBeforeYielding { continue }
            if monotonicNanoseconds() < deadline {
                sched_yield()
                continue
            }
            // Park. The caller posts, then reads isParked; the helper sets isParked, then reads the
            // state: with sequentially consistent order at least one of them sees the other, so a
            // post is never missed. A wake with no post (the caller saw isParked as the helper was
            // leaving) only sends the loop round again.
            isParked.store(true, ordering: .sequentiallyConsistent)
            if jobState.load(ordering: .sequentiallyConsistent) != JobState.posted { wake.wait() }
            isParked.store(false, ordering: .sequentiallyConsistent)
            spins = 0
        }
    }

    /// Runs `first` on the calling thread and `second` on the helper at the same time, or both on the
    /// calling thread when the helper is busy. Both have finished when it returns.
    ///
    /// The closures must touch disjoint data (or only read what they share).
    package func run(_ first: () -> Void, _ second: () -> Void) {
        guard isBusy.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            first()
            second()
            return
        }
        defer { isBusy.store(false, ordering: .releasing) }
        withoutActuallyEscaping(second) { second in
            withUnsafePointer(to: second) { address in
                job.store(UnsafeRawPointer(address), ordering: .releasing)
                jobState.store(JobState.posted, ordering: .sequentiallyConsistent)
                if isParked.load(ordering: .sequentiallyConsistent) { wake.signal() }
                first()
                var spins = 0
                while jobState.load(ordering: .acquiring) != JobState.finished {
                    spins += 1
                    if spins >= Self.spinsBeforeYielding { sched_yield() }
                }
                job.store(nil, ordering: .relaxed)
                jobState.store(JobState.idle, ordering: .relaxed)
            }
        }
    }
}

/// CLOCK_MONOTONIC in nanoseconds.
private func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Runs two closures at once when BigNum's helper thread is free; both have finished when it returns.
@inline(__always)
package func runConcurrently(_ first: () -> Void, _ second: () -> Void) {
    HelperThread.shared.run(first, second)
}
