import ForewarmPools
import ForewarmSandbox
import ForewarmStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The pieces `buildApplication` wires together, kept so tests and benchmarks can reach them.
public struct Gateway: Sendable {
    public let configuration: GatewayConfiguration
    /// The learned model serving predictions, with its online correction.
    public let model: LiveModel
    /// The feedback loop's background retraining.
    public let retrainer: ModelRetrainer
    public let pools: PoolManager
    public let store: HistoryStore
    public let metrics: GatewayMetrics
    public let sandbox: Sandbox
    let service: ExecutionService
}

/// Builds the gateway: sandbox backend, pools, history store, metrics and routes. `forewarm serve` and the tests
/// both call this. The pool manager runs as a Service in the application's ServiceGroup and shuts down after the
/// HTTP server has drained.
public func buildApplication(
    configuration: GatewayConfiguration, logger: Logger = Logger(label: "forewarm"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws -> (some ApplicationProtocol, Gateway) {
    try configuration.validate()
    let sandbox = Sandbox(
        configuration: SandboxConfiguration(
            cgroupPrefix: configuration.cgroupPrefix, prespawnInterpreters: configuration.prespawnInterpreters))
    let problems = sandbox.preflight()
    guard problems.isEmpty else { throw ConfigurationError(problems.joined(separator: "; ")) }
    let store = try HistoryStore(path: configuration.resolvedDatabasePath)
    let metrics = GatewayMetrics()
    let pools = PoolManager(pools: configuration.pools, sandbox: sandbox, metrics: metrics, logger: logger)
    let model = try LiveModel.start(configuration: configuration, store: store, logger: logger)
    let retrainer = ModelRetrainer(
        live: model, store: store, configuration: configuration.model, metrics: metrics, logger: logger)
    let events = ControlEvents()
    let controlLoop: ControlLoop? =
        configuration.controller.policy == "none"
        ? nil
        : try ControlLoop(
            configuration: configuration.controller, gatewayPools: configuration.pools, pools: pools,
            events: events, store: store, logger: logger)
    let service = ExecutionService(
        configuration: configuration, model: model, retrainer: retrainer, pools: pools,
        store: store, sandbox: sandbox, metrics: metrics, logger: logger, events: controlLoop == nil ? nil : events)
    let gateway = Gateway(
        configuration: configuration, model: model, retrainer: retrainer, pools: pools, store: store, metrics: metrics,
        sandbox: sandbox, service: service)

    let router = Hummingbird.Router(context: BasicRequestContext.self)
    router.add(middleware: ProblemMiddleware<BasicRequestContext>())
    router.get("/healthz") { _, _ in
        try json(["status": "ok"])
    }
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
    }
    router.get("/v1/pools") { _, _ in
        try json(["pools": await pools.snapshot()])
    }
    router.post("/v1/predictions") { request, context in
        let body: PredictionRequest = try await decode(request, limit: configuration.maxCodeBytes * 2 + 4096)
        return try json(try service.predict(body))
    }
    router.post("/v1/executions") { request, context in
        let body: ExecutionRequest = try await decode(
            request, limit: configuration.maxCodeBytes * 2 + configuration.maxInputBytes * 2 + 4096)
        return try json(try await service.execute(body))
    }
    router.get("/v1/executions/:id") { request, context in
        let id = try context.parameters.require("id")
        return try json(try service.lookup(id: id))
    }

    let app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "forewarm"),
        services: [pools, retrainer] + (controlLoop.map { [$0] } ?? []),
        onServerRunning: { channel in
            if configuration.prewarm { await pools.waitUntilWarm() }
            await onServerRunning(channel)
        },
        logger: logger)
    return (app, gateway)
}

/// Reads a JSON body, mapping every failure to a problem a client can act on.
func decode<T: Decodable>(_ request: Request, limit: Int) async throws -> T {
    let buffer: ByteBuffer
    do {
        buffer = try await request.body.collect(upTo: limit)
    } catch {
        throw Problem(
            .contentTooLarge, type: "body-too-large", title: "Request too large",
            detail: "the request body is larger than \(limit) bytes")
    }
    do {
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch let DecodingError.keyNotFound(key, _) {
        throw Problem.badRequest("malformed-json", "missing field '\(key.stringValue)'")
    } catch let DecodingError.typeMismatch(_, context) {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        throw Problem.badRequest("malformed-json", "field '\(path)' has the wrong type")
    } catch {
        throw Problem.badRequest("malformed-json", "the body is not valid JSON")
    }
}

func json(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let data = try encoder.encode(value)
    return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}

/// Turns Hummingbird's own errors (404 for unknown routes, 405…) into problem+json too.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as HTTPError {
            throw Problem(
                error.status, type: "http-\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase)
        } catch {
            throw Problem(.internalServerError, type: "internal", title: "Internal error", detail: "\(error)")
        }
    }
}
