import CForewarmSandbox
import Foundation
import Testing

@testable import ForewarmSandbox

/// `fw_spawn` forks from one long-lived thread: a child that asked to die with its parent (bwrap's
/// `--die-with-parent`, PR_SET_PDEATHSIG) must not die when the thread that requested the spawn exits.
struct SpawnTests {
    final class Box: @unchecked Sendable { var pid: Int32 = 0 }

    @Test func parentDeathSignalFollowsTheProcessNotTheCallingThread() async throws {
        // The child sleeps far longer than the test can take even on a loaded machine (a 10 s sleep ended on its
        // own while the suite waited for a busy global queue); the test kills it at the end.
        let argv = ["/usr/bin/python3", "-c", "import ctypes, time; ctypes.CDLL(None).prctl(1, 9); time.sleep(600)"]
        let box = Box()
        let finished = DispatchSemaphore(value: 0)
        // A short-lived thread asks for the spawn, waits until the child has armed its death signal, and exits.
        let thread = Thread {
            box.pid = withCStrings(argv) { cArgv in
                var env: [UnsafeMutablePointer<CChar>?] = [nil]
                return fw_spawn(argv[0], cArgv, &env, nil, nil, 0, nil, 0, UInt32.max, UInt32.max)
            }
            Thread.sleep(forTimeInterval: 1.0)
            finished.signal()
        }
        thread.start()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                finished.wait()
                continuation.resume()
            }
        }
        try await Task.sleep(for: .milliseconds(500))  // the thread has exited by now
        let pid = box.pid
        try #require(pid > 0)
        var status: Int32 = 0
        #expect(waitpid(pid, &status, WNOHANG) == 0, "the child died with the thread that spawned it")
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
    }
}
