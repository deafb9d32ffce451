/// Why the sandbox could not run something (as opposed to the code failing, which is a `RunStatus`).
public enum SandboxError: Error, CustomStringConvertible, Sendable {
    case unknownLanguage(String)
    case missingTool(String)
    case spawn(String)
    case cgroup(String)
    case worker(String)

    public var description: String {
        switch self {
        case .unknownLanguage(let name): return "unknown language '\(name)'"
        case .missingTool(let path): return "required tool not found: \(path)"
        case .spawn(let message): return "cannot start sandbox: \(message)"
        case .cgroup(let message): return "cgroup: \(message)"
        case .worker(let message): return "sandbox worker: \(message)"
        }
    }
}
