#ifndef CFOREWARM_SANDBOX_H
#define CFOREWARM_SANDBOX_H

#include <sys/types.h>

/// Builds the sandbox's seccomp filter with libseccomp and returns a file descriptor positioned at the start of the
/// BPF program (for `bwrap --seccomp FD`), or -errno. Sockets are limited to AF_UNIX, plus AF_INET and AF_INET6 when
/// `allow_inet` is non-zero (the sandbox's own network namespace then holds only its loopback).
int fw_seccomp_bpf_fd(int allow_inet);

/// Forks and execs `path` as `uid`/`gid` with exactly `envp`, after moving `fd_from[i]` to `fd_to[i]`, closing every
/// other descriptor, starting a new session and writing the child's pid into each of `cgroup_procs` (paths of
/// `cgroup.procs` files, written before privileges are dropped). Only async-signal-safe calls run in the child.
/// Returns the pid, or -errno (uid (uid_t)-1 keeps the caller's; an exec failure is reported as exit status 127 of the child).
/// The fork happens on one thread that lives as long as the process, so a child's PR_SET_PDEATHSIG (bwrap's
/// --die-with-parent) fires when the process dies, not when the calling thread happens to exit.
pid_t fw_spawn(const char *path, char *const argv[], char *const envp[], const int *fd_from, const int *fd_to,
               int nfds, const char *const *cgroup_procs, int ncgroups, uid_t uid, gid_t gid);

/// Makes this process the reaper of orphaned descendants, so no sandbox process outlives it as a zombie elsewhere.
int fw_set_child_subreaper(void);

/// pipe2(fds, O_CLOEXEC): both ends close on exec. Returns 0 or -errno.
int fw_pipe_cloexec(int fds[2]);

#endif
