import Dispatch
import Foundation
import HTTPTypes
import Synchronization

/// A fixed set of threads that run computations, so that no computation runs on the event loop.
///
/// At most `threads` jobs run and `queueLimit` wait; a job submitted beyond that is refused at once
/// with a 503 and `Retry-After`, so a saturated server sheds load instead of queueing without bound.
/// A job whose caller is cancelled (its client went away) is skipped if it has not started, and told
/// to stop through its `isCancelled` check if it has.
public final class ComputePool: Sendable {
    public let threads: Int
    public let queueLimit: Int

    private final class Job: @unchecked Sendable {
        /// Set once before the job is queued, read by the one worker that runs it.
        var run: (() -> Void)?
        let cancelled = Atomic<Bool>(false)
    }

    private struct State {
        var queue: [Job] = []
        var queueStart = 0
        var running = 0
        var isShutDown = false
        var queued: Int { queue.count - queueStart }
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let metrics: ServerMetrics?

    public init(threads: Int, queueLimit: Int, metrics: ServerMetrics? = nil) {
        precondition(threads >= 1 && queueLimit >= 0, "A compute pool needs at least one thread")
        self.threads = threads
        self.queueLimit = queueLimit
        self.metrics = metrics
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "compute-\(index)"
            thread.stackSize = 8 << 20  // GMP allocates some temporaries on the stack
            thread.start()
        }
    }

    /// Jobs running now, and jobs waiting.
    public var load: (running: Int, queued: Int) {
        state.withLock { ($0.running, $0.queued) }
    }

    /// Runs `work` on a pool thread and returns its result. Throws ``ComputePoolError/saturated(threads:queuePlaces:)``
    /// at once when the pool and its queue are full, `CancellationError` when the calling task is
    /// cancelled first.
    public func run<Value: Sendable>(_ work: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Value) async throws -> Value {
        let job = Job()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                job.run = { [job] in
                    if job.cancelled.load(ordering: .relaxed) { return continuation.resume(throwing: CancellationError()) }
                    continuation.resume(with: Result { try work { job.cancelled.load(ordering: .relaxed) } })
                }
                let accepted = state.withLock { state in
                    guard !state.isShutDown, state.running + state.queued < threads + queueLimit else { return false }
                    state.queue.append(job)
                    return true
                }
                guard accepted else {
                    metrics?.poolRejections.increment()
                    return continuation.resume(throwing: ComputePoolError.saturated(threads: threads, queuePlaces: queueLimit))
                }
                publishLoad()
                available.signal()
            }
        } onCancel: {
            job.cancelled.store(true, ordering: .relaxed)
        }
    }

    /// Stops the threads once the queue is empty; jobs submitted after this are refused.
    public func shutdown() {
        state.withLock { $0.isShutDown = true }
        for _ in 0..<threads { available.signal() }
    }

    /// The nice value of the compute threads (and of the library's helper thread, which inherits it
    /// from the compute thread that starts it): when every core computes, the scheduler then gives
    /// the event loops (nice 0) the CPU first, so cheap requests such as `/health` stay fast.
    static let computeNiceValue: Int32 = 10

    private func work() {
        #if os(Linux)
        // The nice value is a per-thread attribute on Linux: this renices the calling thread alone.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.computeNiceValue)
        #endif
        while true {
            available.wait()
            let job: Job? = state.withLock { state in
                guard state.queued > 0 else { return nil }
                let job = state.queue[state.queueStart]
                state.queueStart += 1
                // Reclaim the consumed front of the queue once it dominates.
                if state.queueStart > 64 && state.queueStart * 2 > state.queue.count {
                    state.queue.removeFirst(state.queueStart)
                    state.queueStart = 0
                }
                state.running += 1
                return job
            }
            guard let job else {
                if state.withLock({ $0.isShutDown }) { return }
                continue
            }
            publishLoad()
            job.run?()
            job.run = nil
            state.withLock { $0.running -= 1 }
            publishLoad()
        }
    }

    private func publishLoad() {
        guard let metrics else { return }
        let (running, queued) = load
        metrics.poolRunning.record(running)
        metrics.poolQueued.record(queued)
    }
}

/// Why the pool did not take a job.
public enum ComputePoolError: Error, Equatable, CustomStringConvertible {
    /// Every thread and queue place is taken: the caller should retry shortly (a 503).
    case saturated(threads: Int, queuePlaces: Int)

    public var description: String {
        switch self {
        case let .saturated(threads, queuePlaces):
            "The server is busy: all \(threads) compute threads and \(queuePlaces) queue places are taken; retry shortly"
        }
    }
}
