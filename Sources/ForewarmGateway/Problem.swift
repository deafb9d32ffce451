import Foundation
import Hummingbird
import NIOCore

/// An RFC 9457 problem: what went wrong, in words a client can act on, as `application/problem+json`.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var type: String
    public var title: String
    public var detail: String
    public var retryAfterSeconds: Int?

    public init(
        _ status: HTTPResponse.Status, type: String, title: String, detail: String, retryAfterSeconds: Int? = nil
    ) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.retryAfterSeconds = retryAfterSeconds
    }

    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            type: "https://forewarm.dev/problems/\(type)", title: title, status: Int(status.code), detail: detail)
        let data = try JSONEncoder().encode(body)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfterSeconds { headers[.retryAfter] = "\(retryAfterSeconds)" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func badRequest(_ type: String, _ detail: String) -> Problem {
        Problem(.badRequest, type: type, title: "Bad request", detail: detail)
    }
}
