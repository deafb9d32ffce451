#define _GNU_SOURCE
#include "CForewarmSandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static void write_pid(const char *path, pid_t pid) {
    char buf[24];
    int n = 0;
    char tmp[24];
    do { tmp[n++] = (char)('0' + pid % 10); pid /= 10; } while (pid > 0);
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n++] = '\n';
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) _exit(126);
    if (write(fd, buf, (size_t)n) != n) _exit(126);
    close(fd);
}

pid_t fw_spawn(const char *path, char *const argv[], char *const envp[], const int *fd_from, const int *fd_to,
               int nfds, const char *const *cgroup_procs, int ncgroups, uid_t uid, gid_t gid) {
    pid_t pid = fork();
    if (pid < 0) return -errno;
    if (pid > 0) return pid;

    // Child: async-signal-safe calls only.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < 32; s++) if (s != SIGKILL && s != SIGSTOP) signal(s, SIG_DFL);
    setsid();
    pid_t self = getpid();
    for (int i = 0; i < ncgroups; i++) write_pid(cgroup_procs[i], self);
    // Move the descriptors out of the way first so a target never overwrites a source still needed.
    int high[16];
    if (nfds > 16) _exit(126);
    for (int i = 0; i < nfds; i++) {
        high[i] = fcntl(fd_from[i], F_DUPFD_CLOEXEC, 200);
        if (high[i] < 0) _exit(126);
    }
    int maxfd = 2;
    for (int i = 0; i < nfds; i++) {
        if (dup2(high[i], fd_to[i]) < 0) _exit(126);
        if (fd_to[i] > maxfd) maxfd = fd_to[i];
    }
    syscall(SYS_close_range, (unsigned)maxfd + 1, ~0U, 0);
    if (uid != (uid_t)-1) {
        if (setgroups(0, NULL) != 0) _exit(126);
        if (setgid(gid) != 0) _exit(126);
        if (setuid(uid) != 0) _exit(126);
    }
    execve(path, argv, envp);
    _exit(127);
}

int fw_set_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 ? 0 : -errno;
}

int fw_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : -errno;
}
