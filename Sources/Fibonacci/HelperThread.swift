import BigNum
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One long-lived second thread for splitting a computation in two.
///
/// Waking a parked thread with a semaphore costs microseconds, where handing work to a dispatch pool
/// per step cost about half of the work itself here. There is one helper: a caller that finds it busy
/// (another computation is using the second core) runs both halves itself, so concurrent callers
/// never oversubscribe the machine.
final class HelperThread: @unchecked Sendable {
    static let shared = HelperThread()

    /// Whether splitting work can help at all: the machine has a second online core.
    static let isAvailable = sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2

    private let isBusy = Atomic<Bool>(false)
    private let start = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    /// Set by the caller holding `isBusy` before `start.signal()`, read by the helper after
    /// `start.wait()`, cleared before `done.signal()`: the semaphores order every access.
    private var job: (() -> Void)?

    private init() {
        AllocatorTuning.applyIfAllowed()
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<HelperThread>.fromOpaque(context!).takeUnretainedValue().serve()
        }, context)
        precondition(status == 0, "Could not start the Fibonacci helper thread (pthread_create: \(status))")
        pthread_detach(thread)
    }

    private func serve() -> Never {
        while true {
            start.wait()
            job?()
            job = nil
            done.signal()
        }
    }

    /// Runs `first` on the calling thread and `second` on the helper at the same time, or both on the
    /// calling thread when the helper is busy. Both have finished when it returns.
    ///
    /// The closures must touch disjoint data (or only read what they share).
    func run(_ first: () -> Void, _ second: () -> Void) {
        guard isBusy.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            first()
            second()
            return
        }
        defer { isBusy.store(false, ordering: .releasing) }
        withoutActuallyEscaping(second) { second in
            job = second
            start.signal()
            first()
            done.wait()
        }
    }
}
