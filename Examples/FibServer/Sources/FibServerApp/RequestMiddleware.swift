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
                "duration_ms": .string(String(format: "%.3f", Double(duration.nanoseconds) / 1e6)),
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

extension HTTPField.Name {
    static let requestID = Self("X-Request-ID")!
}

import Foundation
import HTTPTypes
