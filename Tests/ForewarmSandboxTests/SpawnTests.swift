import CForewarmSandbox
import Foundation
import Testing

@testable import ForewarmSandbox

/// `fw_spawn` forks from one long-lived thread: a child that asked to die with its parent (bwrap's
/// `--die-with-parent`, PR_SET_PDEATHSIG) must not die when the thread that requested the spawn exits.
struct SpawnTests {
    final class Box: @unchecked Sendable { var pid: Int32 = 0 }

    @Test func parentDeathSignalFollowsTheProcessNotTheCallingThread() async throws {
        // The child sleeps until it is killed: by the test at the end, or by its death signal if the test process
        // dies. (Sleeps of 10 s and then 600 s ended on their own while a loaded suite kept this test waiting.)
        let argv = [
            "/usr/bin/python3", "-c", "import ctypes, time; ctypes.CDLL(None).prctl(1, 9); time.sleep(10**7)",
        ]
        let box = Box()
        // A short-lived thread asks for the spawn, waits until the child has armed its death signal, and exits.
        let thread = Thread {
            box.pid = withCStrings(argv) { cArgv in
                var env: [UnsafeMutablePointer<CChar>?] = [nil]
                return fw_spawn(argv[0], cArgv, &env, nil, nil, 0, nil, 0, UInt32.max, UInt32.max)
            }
            Thread.sleep(forTimeInterval: 1.0)
        }
        thread.start()
        // Polling blocks no queue thread while the spawning thread runs.
        while !thread.isFinished { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(500))  // the thread has exited; a death signal would have come
        let pid = box.pid
        try #require(pid > 0)
        var status: Int32 = 0
        #expect(waitpid(pid, &status, WNOHANG) == 0, "the child died with the thread that spawned it")
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
    }
}
