import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as `{"error": {"status": ..., "message": ...}}` with its HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(ErrorBody(error: .init(status: status.code, message: message)),
                                                          from: request, context: context)
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }

    struct ErrorBody: Codable {
        struct Detail: Codable {
            var status: Int
            var message: String
        }
        var error: Detail
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func unprocessable(_ message: String) -> APIError { APIError(.unprocessableContent, message) }
}

/// Turns every error into the JSON error body, in one place: ours as they are, the pool's and the
/// count store's "retry shortly" as 503 with Retry-After, Hummingbird's (a body too large, a route not
/// found) with their status, and anything else as a 500 that names no internals, logged.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response
        } catch let error as APIError {
            throw error
        } catch let error as ComputePoolError {
            throw APIError(.serviceUnavailable, error.description, headers: [.retryAfter: "1"])
        } catch PostgresCountStore.StoreError.unavailable {
            throw APIError(.serviceUnavailable, PostgresCountStore.StoreError.unavailable.description, headers: [.retryAfter: "1"])
        } catch let error as HTTPError {
            throw APIError(error.status, error.body ?? Self.message(for: error.status), headers: error.headers)
        } catch is CancellationError {
            // The client went away; whatever is sent is not read.
            throw APIError(.init(code: 499, reasonPhrase: "Client Closed Request"), "The request was cancelled")
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, Self.message(for: error.status))
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)"])
            throw APIError(.internalServerError, "Internal server error")
        }
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "No such endpoint"
        case .contentTooLarge: "The request body is too large"
        default: status.reasonPhrase
        }
    }
}
