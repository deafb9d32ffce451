// The warm worker that runs inside each sandbox: a Python process that keeps one pre-forked, clean child ready
// per request (the fork is paid while idle). Python runs in-process in that child (≈ 2 ms); for an interpreted
// language with a loader (`prespawn` in the zygote's configuration, argv[1]) the child has already exec'd the
// interpreter, which waits for EOF on fd 3 and then runs ./main.*, so its start-up is paid while idle too; anything
// else (compilers, then the binary) is exec'd per request. After a run the zygote kills and wipes everything the
// run left before forking the next child.
enum ZygoteScript {
    static let source = #"""
        import builtins, ctypes, io, json, os, resource, select, signal, sys, time, traceback
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans of a run come back to us to be reaped
        libc.prctl(4, 0, 0, 0, 0)   # PR_SET_DUMPABLE 0: a run cannot read or write the zygote through /proc
        ctl_in = os.fdopen(0, "rb", buffering=1 << 16)
        ctl_out = os.fdopen(os.dup(1), "wb", buffering=0)
        devnull = os.open("/dev/null", os.O_RDWR)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        WORK = "/tmp/run"
        CONFIG = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
        PRESPAWN = CONFIG.get("prespawn")
        served = 0

        def send(obj, payload=b""):
            ctl_out.write(json.dumps(obj).encode() + b"\n" + payload)

        def kill_all():
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass

        def wipe():
            # Leave nothing of a run behind: its processes, its files, its System V IPC objects. Killing is repeated until
            # nothing is left to reap, so a process forked while the first kill went round cannot survive.
            while True:
                kill_all()
                try:
                    os.waitpid(-1, 0)
                except ChildProcessError:
                    break
            for root in ("/tmp", "/dev/shm"):
                for name in os.listdir(root):
                    rmtree(os.path.join(root, name))
            for kind in ("shm", "sem", "msg"):
                try:
                    with open("/proc/sysvipc/" + kind) as f:
                        if len(f.readlines()) > 1:
                            return False
                except OSError:
                    pass
            return True

        def rmtree(path):
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    os.chmod(path, 0o700)
                    for name in os.listdir(path):
                        rmtree(os.path.join(path, name))
                    os.rmdir(path)
                else:
                    os.unlink(path)
            except OSError:
                pass

        def spare_child(prespawn=None):
            # Forked before any request is seen, so it is a clean copy of the zygote: the fork's cost is paid while idle.
            # With `prespawn`, the child execs the language's interpreter at once; it reads its stdin from a pipe.
            os.makedirs(WORK, exist_ok=True)
            out_r, out_w = os.pipe()
            err_r, err_w = os.pipe()
            go_r, go_w = os.pipe()
            in_r, in_w = os.pipe() if prespawn else (None, None)
            pid = os.fork()
            if pid == 0:
                try:
                    os.setsid()
                    libc.prctl(4, 1, 0, 0, 0)  # the run's own /proc files are its own again
                    with open("/proc/self/oom_score_adj", "w") as f:
                        f.write("1000")
                    os.chdir(WORK)
                    os.dup2(in_r if prespawn else devnull, 0)
                    os.dup2(out_w, 1)
                    os.dup2(err_w, 2)
                    os.dup2(go_r, 3)
                    os.closerange(4, 1 << 16)
                    if prespawn:
                        cpu = int(prespawn["cpuSeconds"])
                        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
                        for sig in (signal.SIGPIPE, signal.SIGXFSZ):
                            signal.signal(sig, signal.SIG_DFL)
                        argv = prespawn["argv"]
                        try:
                            os.execve(argv[0], argv, prespawn.get("env") or {})
                        except OSError as e:
                            os.write(2, ("cannot start %s: %s\n" % (argv[0], e.strerror)).encode())
                        os._exit(127)
                    prepare_stdio()
                    message = b""
                    while True:
                        chunk = os.read(3, 65536)
                        if not chunk:
                            break
                        message += chunk
                    os.close(3)
                    if not message:
                        os._exit(0)
                    step, stdin_path = json.loads(message)
                    child(step, stdin_path)
                except BaseException:
                    try:
                        os.write(2, ("sandbox: %s\n" % traceback.format_exc()).encode())
                    finally:
                        os._exit(127)
                os._exit(127)
            os.close(out_w)
            os.close(err_w)
            os.close(go_r)
            if in_r is not None:
                os.close(in_r)
            return pid, out_r, err_r, go_w, in_w

        def child(step, stdin_path):
            cpu = step.get("cpuSeconds")
            if cpu:
                resource.setrlimit(resource.RLIMIT_CPU, (int(cpu), int(cpu) + 1))
            if stdin_path:
                fd = os.open(stdin_path, os.O_RDONLY)
                os.dup2(fd, 0)
                os.close(fd)
            os.chdir(WORK)
            for sig in (signal.SIGPIPE, signal.SIGXFSZ):
                signal.signal(sig, signal.SIG_DFL)
            if step.get("inProcess"):
                run_python(step["argv"][-1])
            env = step.get("env") or {}
            try:
                os.execve(step["argv"][0], step["argv"], env)
            except OSError as e:
                os.write(2, ("cannot start %s: %s\n" % (step["argv"][0], e.strerror)).encode())
            os._exit(127)

        def prepare_stdio():
            # Fresh stdio objects on fds 0-2 (fd 0 is replaced by the run's stdin later; the objects read whatever it is).
            sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)), encoding="utf-8")
            sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8")
            sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)), encoding="utf-8",
                                          errors="backslashreplace", line_buffering=True)

        def run_python(path):
            sys.argv = [os.path.basename(path)]
            sys.path[0] = WORK
            status = 0
            main = {"__name__": "__main__", "__builtins__": builtins, "__file__": path}
            try:
                with open(path, "rb") as f:
                    source = f.read()
                exec(compile(source, os.path.basename(path), "exec"), main)
            except SystemExit as e:
                code = e.code
                if code is None:
                    status = 0
                elif isinstance(code, int):
                    status = code & 0xFF
                else:
                    print(code, file=sys.stderr)
                    status = 1
            except BaseException as e:
                tb = e.__traceback__.tb_next if e.__traceback__ else None
                traceback.print_exception(type(e), e, tb)
                status = 1
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:
                status = status or 120
            os._exit(status)

        def run_step(step, stdin_path, stdin_data, limit, spare=None):
            pid, out_r, err_r, go_w, in_w = spare or spare_child()
            pidfd = os.pidfd_open(pid)
            start = time.monotonic()
            if in_w is None:
                os.write(go_w, json.dumps([step, stdin_path]).encode())
            os.close(go_w)  # a pre-spawned interpreter starts the run at this EOF
            pending = memoryview(stdin_data) if in_w is not None else None
            if in_w is not None:
                if stdin_data:
                    os.set_blocking(in_w, False)
                else:
                    os.close(in_w)
                    in_w = None
            deadline = start + step.get("timeoutMs", 10000) / 1000.0
            bufs = {out_r: bytearray(), err_r: bytearray()}
            open_fds = [out_r, err_r]
            timed_out = False
            over = False
            exited = False
            total = 0
            while not exited or open_fds:
                wait = deadline - time.monotonic()
                if wait <= 0 and not timed_out and not exited:
                    timed_out = True
                    os.kill(-1, signal.SIGKILL)
                if exited:
                    kill_all()  # whatever the run left holding its pipes
                if in_w is not None and exited:
                    os.close(in_w)
                    in_w = None
                fds = open_fds + ([] if exited else [pidfd]) + [0]
                wfds = [in_w] if in_w is not None else []
                ready, writable, _ = select.select(fds, wfds, [], max(wait, 0) if not (exited or timed_out) else 0.05)
                if writable:
                    # The run's stdin, fed through its pipe as fast as it reads it.
                    try:
                        pending = pending[os.write(in_w, pending[:65536]):]
                    except BlockingIOError:
                        pass
                    except BrokenPipeError:
                        pending = pending[:0]
                    if not pending:
                        os.close(in_w)
                        in_w = None
                if 0 in ready and ctl_in.peek(1) == b"":
                    os.kill(-1, signal.SIGKILL)
                    os._exit(0)
                if pidfd in ready and not exited:
                    _, status, ru = os.wait4(pid, 0)
                    exited = True
                    # The run is over when its main process is: nothing it left running may keep writing.
                    try:
                        os.kill(-1, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                for fd in list(open_fds):
                    if fd in ready:
                        data = os.read(fd, 65536)
                        if not data:
                            open_fds.remove(fd)
                            os.close(fd)
                            continue
                        room = limit - total
                        if len(data) > room:
                            data = data[:max(room, 0)]
                            if not over:
                                over = True
                                try:
                                    os.kill(-1, signal.SIGKILL)
                                except ProcessLookupError:
                                    pass
                        bufs[fd] += data
                        total += len(data)
            os.close(pidfd)
            if in_w is not None:
                os.close(in_w)
            wall = (time.monotonic() - start) * 1000.0
            result = {
                "kind": step.get("kind", "run"),
                "exitCode": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                "wallMs": wall,
                "cpuMs": (ru.ru_utime + ru.ru_stime) * 1000.0,
                "maxRssKB": ru.ru_maxrss,
                "timedOut": timed_out,
                "outputLimited": over,
                "stdout": len(bufs[out_r]),
                "stderr": len(bufs[err_r]),
            }
            return result, bytes(bufs[out_r]) + bytes(bufs[err_r])

        def serve():
            global served
            # The first compile in a process costs ≈ 1 ms; paid once here, every forked child inherits a warm compiler.
            for sample in (b"print('x')\n", b"import sys\nx = [i * 2 for i in range(3)]\n"):
                exec(compile(sample, "warm.py", "exec"), {"__name__": "__warm__", "print": lambda *a, **k: None})
            spare = spare_child(PRESPAWN)
            send({"event": "ready", "pid": os.getpid()})
            while True:
                line = ctl_in.readline()
                if not line:
                    os._exit(0)
                req = json.loads(line)
                os.makedirs(WORK, exist_ok=True)
                for name, size in req.get("files", []):
                    data = ctl_in.read(size)
                    path = os.path.join(WORK, name)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "wb") as f:
                        f.write(data)
                stdin_path = None
                n = req.get("stdin", 0)
                data = ctl_in.read(n) if n else b""
                if n and not PRESPAWN:
                    stdin_path = "/tmp/.stdin"
                    with open(stdin_path, "wb") as f:
                        f.write(data)
                results = []
                payload = b""
                steps = req["steps"]
                for i, step in enumerate(steps):
                    res, out = run_step(step, stdin_path, data, req.get("outputLimit", 1 << 20), spare)
                    spare = None
                    results.append(res)
                    payload += out
                    failed = res["exitCode"] != 0
                    if i + 1 < len(steps):
                        if failed:
                            break
                        if step.get("gate"):
                            send({"event": "step", "result": res})
                            go = ctl_in.readline().strip()
                            if go != b"go":
                                break
                served += 1
                send({"event": "done", "steps": results}, payload)
                if not wipe():
                    os._exit(3)
                spare = spare_child(PRESPAWN)

        try:
            serve()
        except BaseException:
            try:
                send({"event": "error", "message": traceback.format_exc()})
            except BaseException:
                pass
            os._exit(2)
        """#
}
