/// The OpenAPI 3.1 description served at `/openapi.yaml`, with this server's limits written into the
/// schemas (minimum and maximum of n, count, limit and number; digit limits as lengths).
enum OpenAPIDocument {
    /// The document for a server with `settings`.
    static func yaml(for settings: ServerSettings) -> String {
        let limits: [(String, String)] = [
            ("{{maximumIndex}}", String(settings.maximumIndex)),
            ("{{countLimit}}", String(settings.sequenceCountLimit)),
            ("{{mostCommonLimit}}", String(settings.mostCommonLimit)),
            ("{{fizzBuzzDigits}}", String(settings.fizzBuzzDigitLimit)),
            ("{{fizzBuzzMaximum}}", String(repeating: "9", count: settings.fizzBuzzDigitLimit)),
            ("{{modularDigits}}", String(FamilyController<AppRequestContext>.modularDigitLimit)),
        ]
        return limits.reduce(template) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// The document with the limits as {{placeholders}}.
    static let template = #"""
openapi: 3.1.0
info:
  title: fib-server
  version: 0.1.0
  description: |
    Exact Fibonacci and Lucas numbers of any size the server allows, FizzBuzz, and the most common
    FizzBuzz submissions. Every error is a JSON object {"error": {"status": ..., "message": ...}}.
servers:
  - url: /
paths:
  /api/fibonacci/{n}:
    get:
      summary: F(n), the n-th Fibonacci number (F(-n) = (-1)^(n+1) F(n))
      operationId: fibonacci
      parameters:
        - $ref: '#/components/parameters/Index'
        - $ref: '#/components/parameters/Strategy'
        - $ref: '#/components/parameters/Format'
        - $ref: '#/components/parameters/Modulus'
      responses:
        '200': {$ref: '#/components/responses/Value'}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Busy'}
  /api/lucas/{n}:
    get:
      summary: L(n), the n-th Lucas number (L(-n) = (-1)^n L(n))
      operationId: lucas
      parameters:
        - $ref: '#/components/parameters/Index'
        - $ref: '#/components/parameters/Strategy'
        - $ref: '#/components/parameters/Format'
        - $ref: '#/components/parameters/Modulus'
      responses:
        '200': {$ref: '#/components/responses/Value'}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Busy'}
  /api/fibonacci:
    get:
      summary: Consecutive Fibonacci numbers F(from) ... F(from + count - 1)
      operationId: fibonacciSequence
      parameters:
        - name: from
          in: query
          schema: {type: integer, default: 0, minimum: -{{maximumIndex}}, maximum: {{maximumIndex}}}
        - name: count
          in: query
          schema: {type: integer, default: 10, minimum: 1, maximum: {{countLimit}}}
      responses:
        '200':
          description: The terms, as strings of decimal digits.
          content:
            application/json:
              schema:
                type: object
                required: [from, count, values]
                properties:
                  from: {type: integer}
                  count: {type: integer}
                  values: {type: array, items: {type: string, pattern: '^-?[0-9]+$'}}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Busy'}
  /api/fibonacci/{n}/leading:
    get:
      summary: The leading digits of |F(n)|, for |n| <= 10^18, without computing F(n)
      operationId: fibonacciLeadingDigits
      parameters:
        - $ref: '#/components/parameters/DigitsIndex'
        - $ref: '#/components/parameters/DigitCount'
      responses:
        '200': {$ref: '#/components/responses/EndDigits'}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
  /api/fibonacci/{n}/trailing:
    get:
      summary: The trailing digits of |F(n)| (|F(n)| mod 10^k, zero-padded), for |n| <= 10^18
      operationId: fibonacciTrailingDigits
      parameters:
        - $ref: '#/components/parameters/DigitsIndex'
        - $ref: '#/components/parameters/DigitCount'
      responses:
        '200': {$ref: '#/components/responses/EndDigits'}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
  /api/lucas-sequence/{n}:
    get:
      summary: The Lucas sequences U_n(P, Q) and V_n(P, Q), exactly or modulo m (F and L are P = 1, Q = -1)
      operationId: lucasSequence
      parameters:
        - name: n
          in: path
          required: true
          description: The index, n >= 0 (with mod, of up to {{modularDigits}} digits; without it, U_n and V_n may have as many bits as F(maximum n)).
          schema: {type: integer, minimum: 0, maximum: {{maximumIndex}}}
        - name: p
          in: query
          required: true
          schema: {type: integer}
        - name: q
          in: query
          required: true
          schema: {type: integer}
        - $ref: '#/components/parameters/Modulus'
      responses:
        '200':
          description: U_n and V_n as strings of decimal digits.
          content:
            application/json:
              schema:
                type: object
                required: [n, p, q, u, v]
                properties:
                  n: {type: string, pattern: '^[0-9]+$'}
                  p: {type: string, pattern: '^-?[0-9]+$'}
                  q: {type: string, pattern: '^-?[0-9]+$'}
                  modulus: {type: string, pattern: '^[0-9]+$'}
                  u: {type: string, pattern: '^-?[0-9]+$'}
                  v: {type: string, pattern: '^-?[0-9]+$'}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Busy'}
  /api/zeckendorf/{x}:
    get:
      summary: The Zeckendorf representation of x >= 0, the indices of its Fibonacci terms (descending, non-consecutive, each >= 2)
      operationId: zeckendorf
      parameters:
        - $ref: '#/components/parameters/Natural'
      responses:
        '200':
          description: x and the indices k with x = the sum of F(k).
          content:
            application/json:
              schema:
                type: object
                required: [value, indices]
                properties:
                  value: {type: string, pattern: '^[0-9]+$'}
                  indices: {type: array, items: {type: integer, minimum: 2}}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Busy'}
  /api/fibonacci-index/{x}:
    get:
      summary: Whether x >= 0 is a Fibonacci number, and the smallest k with F(k) = x
      operationId: fibonacciIndex
      parameters:
        - $ref: '#/components/parameters/Natural'
      responses:
        '200':
          description: The answer; index is null when x is not a Fibonacci number.
          content:
            application/json:
              schema:
                type: object
                required: [value, isFibonacci, index]
                properties:
                  value: {type: string, pattern: '^[0-9]+$'}
                  isFibonacci: {type: boolean}
                  index: {type: [integer, 'null'], minimum: 0}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Busy'}
  /api/fizzbuzz:
    post:
      summary: FizzBuzz for a number >= 1 of any size up to the server's digit limit; the number is counted
      operationId: fizzBuzz
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [number]
              additionalProperties: false
              properties:
                number:
                  oneOf:
                    - {type: integer, minimum: 1, maximum: {{fizzBuzzMaximum}}}
                    - {type: string, pattern: '^[0-9]*[1-9][0-9]*$', maxLength: {{fizzBuzzDigits}}}
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [number]
              properties:
                number: {type: string, pattern: '^[0-9]*[1-9][0-9]*$', maxLength: {{fizzBuzzDigits}}}
      responses:
        '200':
          description: The classification.
          content:
            application/json:
              schema:
                type: object
                required: [number, result]
                properties:
                  number: {type: string, pattern: '^[0-9]+$'}
                  result: {type: string}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '415': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
  /api/most_common:
    get:
      summary: The most often submitted FizzBuzz numbers, most common first
      operationId: mostCommon
      parameters:
        - name: limit
          in: query
          schema: {type: integer, default: 3, minimum: 1, maximum: {{mostCommonLimit}}}
      responses:
        '200':
          description: Numbers with their counts; equal counts in the order the numbers reached them.
          content:
            application/json:
              schema:
                type: object
                required: [result, total, exact]
                properties:
                  result:
                    type: array
                    items:
                      type: object
                      required: [number, count]
                      properties:
                        number: {type: string, pattern: '^[0-9]+$'}
                        count: {type: integer, minimum: 1}
                  total: {type: integer, minimum: 0}
                  exact: {type: boolean}
        '400': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
  /health:
    get:
      summary: Liveness
      operationId: health
      responses:
        '200': {$ref: '#/components/responses/Status'}
  /ready:
    get:
      summary: Readiness
      operationId: ready
      responses:
        '200': {$ref: '#/components/responses/Status'}
  /info:
    get:
      summary: Version, GMP version, uptime, limits and strategies
      operationId: info
      responses:
        '200':
          description: Server information.
          content:
            application/json:
              schema:
                type: object
                required: [name, version, gmpVersion, uptimeSeconds, limits, pool, strategies]
                properties:
                  name: {type: string}
                  version: {type: string}
                  gmpVersion: {type: string}
                  uptimeSeconds: {type: number}
                  limits: {type: object}
                  pool: {type: object}
                  strategies: {type: array, items: {type: string}}
  /metrics:
    get:
      summary: Prometheus metrics
      operationId: metrics
      responses:
        '200':
          description: The Prometheus text exposition format.
          content:
            text/plain: {schema: {type: string}}
  /openapi.yaml:
    get:
      summary: This document
      operationId: openapi
      responses:
        '200':
          description: OpenAPI 3.1.
          content:
            application/yaml: {schema: {type: string}}
  /docs:
    get:
      summary: A readable description of the API
      operationId: docs
      responses:
        '200':
          description: An HTML page.
          content:
            text/html: {schema: {type: string}}
  /:
    get:
      summary: The web page
      operationId: index
      responses:
        '200':
          description: An HTML page that computes F(n), runs FizzBuzz and shows the most common numbers.
          content:
            text/html: {schema: {type: string}}
components:
  parameters:
    Index:
      name: n
      in: path
      required: true
      description: The index, an integer with |n| up to the server's maximum; with mod, any integer of up to {{modularDigits}} digits.
      schema: {type: integer, minimum: -{{maximumIndex}}, maximum: {{maximumIndex}}}
    DigitsIndex:
      name: n
      in: path
      required: true
      schema: {type: integer, minimum: -1000000000000000000, maximum: 1000000000000000000}
    DigitCount:
      name: digits
      in: query
      description: How many digits, k.
      schema: {type: integer, minimum: 1, maximum: 1000, default: 10}
    Natural:
      name: x
      in: path
      required: true
      description: An integer x >= 0, of at most as many digits as F(the server's maximum n).
      schema: {type: integer, minimum: 0}
    Strategy:
      name: strategy
      in: query
      schema:
        type: string
        enum: [default, iterative, fastDoubling, parallelFastDoubling, matrix, cachedTable, gmp]
    Format:
      name: format
      in: query
      schema: {type: string, enum: [decimal, hex]}
    Modulus:
      name: mod
      in: query
      description: Answer modulo m instead, for m >= 1 of up to 10,000 digits; n may then have up to 10,000 digits too. The response echoes n and the modulus as strings; format=hex gives the residue in hexadecimal, and strategy does not apply (the answer names the one method used).
      schema: {type: integer, minimum: 1}
  responses:
    EndDigits:
      description: The leading or trailing digits, and F(n)'s digit count.
      content:
        application/json:
          schema:
            type: object
            required: [n, digits, digitCount]
            properties:
              n: {type: string, pattern: '^-?[0-9]+$'}
              digits: {type: integer, minimum: 1, maximum: 1000}
              leading: {type: string, pattern: '^[0-9]+$'}
              trailing: {type: string, pattern: '^[0-9]+$'}
              digitCount: {type: string, pattern: '^[0-9]+$'}
    Value:
      description: The value, exact, as a string of digits.
      content:
        application/json:
          schema:
            type: object
            required: [n, value, digits, format, strategy, elapsedMicroseconds, cached]
            properties:
              n: {type: [integer, string]}
              modulus: {type: string, pattern: '^[0-9]+$'}
              value: {type: string, pattern: '^-?[0-9a-f]+$'}
              digits: {type: integer, minimum: 1}
              format: {type: string, enum: [decimal, hex]}
              strategy: {type: string}
              elapsedMicroseconds: {type: integer, minimum: 0}
              cached: {type: boolean}
        text/plain:
          schema: {type: string}
    Status:
      description: The status.
      content:
        application/json:
          schema:
            type: object
            required: [status]
            properties:
              status: {type: string}
    Error:
      description: The request cannot be answered as it stands.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Error'}
    Busy:
      description: Every compute thread and queue place is taken; retry after the Retry-After header's seconds.
      headers:
        Retry-After: {schema: {type: integer}}
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Error'}
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [status, message]
          properties:
            status: {type: integer}
            message: {type: string}
"""#
}
