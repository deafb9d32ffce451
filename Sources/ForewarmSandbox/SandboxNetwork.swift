/// What a sandbox may do with the network. Either way it has its own network namespace, so nothing on the host
/// (its loopback included) or beyond is reachable, and seccomp refuses AF_VSOCK, netlink, packet and every other
/// family a namespace does not cut off.
public enum SandboxNetwork: String, Sendable, Hashable, Codable, CaseIterable {
    /// No IP at all: `socket` succeeds for AF_UNIX only (AF_INET/AF_INET6 fail with EAFNOSUPPORT).
    case none
    /// The namespace's own loopback: code may listen on and connect to 127.0.0.1 / ::1 inside its sandbox.
    case loopback

    var allowsInet: Bool { self == .loopback }
}
