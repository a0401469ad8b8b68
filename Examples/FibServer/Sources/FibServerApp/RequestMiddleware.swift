import Hummingbird
import Logging

/// Logs one line per request (method, path, status, duration; the request id comes with the logger's
/// metadata), records its metrics, and returns the request id in `X-Request-ID`.
struct RequestMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = context.id
        var status = 500
        defer {
            let duration = ContinuousClock.now - start
            let route = context.endpointPath ?? "unmatched"
            metrics.recordRequest(route: route, method: request.method.rawValue, status: status, duration: duration)
            context.logger.info("request", metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path), "status": .stringConvertible(status),
                // The request id is in the logger's own metadata (hb.request.id).
                "duration_ms": .string(millisecondsText(duration)),
            ])
        }
        do {
            var response = try await next(request, context)
            status = response.status.code
            response.headers[.requestID] = requestID
            return response
        } catch let error as APIError {
            status = error.status.code
            var error = error
            error.headers[.requestID] = requestID
            throw error
        }
    }
}

/// A duration in milliseconds with three decimals ("0.351"), by integer arithmetic: `String(format:)`
/// costs more than the rest of the log line.
func millisecondsText(_ duration: Duration) -> String {
    let microseconds = max(duration.nanoseconds / 1_000, 0)
    let fraction = String(microseconds % 1_000)
    return "\(microseconds / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-ID")!
}

import Foundation
import HTTPTypes
