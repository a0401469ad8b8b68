import HTTPTypes

/// Every path the server answers and its methods: the one list from which the 405 answers are drawn,
/// and against which the tests check the OpenAPI document and the docs page.
enum APIRoutes {
    struct Route: Sendable {
        var path: String
        var methods: [HTTPRequest.Method]

        /// The `Allow` header: the methods, with HEAD wherever GET is (the server answers it).
        var allowHeader: String {
            (methods + (methods.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
        }
    }

    static let all: [Route] = [
        Route(path: "/api/fibonacci/{n}", methods: [.get]),
        Route(path: "/api/lucas/{n}", methods: [.get]),
        Route(path: "/api/fibonacci", methods: [.get]),
        Route(path: "/api/fibonacci/{n}/leading", methods: [.get]),
        Route(path: "/api/fibonacci/{n}/trailing", methods: [.get]),
        Route(path: "/api/lucas-sequence/{n}", methods: [.get]),
        Route(path: "/api/zeckendorf/{x}", methods: [.get]),
        Route(path: "/api/fibonacci-index/{x}", methods: [.get]),
        Route(path: "/api/fizzbuzz", methods: [.post]),
        Route(path: "/api/most_common", methods: [.get]),
        Route(path: "/health", methods: [.get]),
        Route(path: "/ready", methods: [.get]),
        Route(path: "/info", methods: [.get]),
        Route(path: "/metrics", methods: [.get]),
        Route(path: "/openapi.yaml", methods: [.get]),
        Route(path: "/docs", methods: [.get]),
        Route(path: "/", methods: [.get]),
    ]

    /// Every method a request may name that is not HEAD (answered wherever GET is): a path answers
    /// 405 with `Allow` for each one it does not declare.
    static let methodsAnswered: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options, .trace, .connect,
                                                        HTTPRequest.Method("QUERY")!]
}
