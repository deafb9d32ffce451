#define _GNU_SOURCE
#include "CForewarmSandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
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

static pid_t spawn_here(const char *path, char *const argv[], char *const envp[], const int *fd_from,
                        const int *fd_to, int nfds, const char *const *cgroup_procs, int ncgroups, uid_t uid,
                        gid_t gid) {
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

// Every sandbox is forked from one thread that lives as long as the process. bwrap's --die-with-parent is
// PR_SET_PDEATHSIG, which fires when the *thread* that forked it exits, not the process: forked from a pool thread
// that the runtime later retires (Dispatch retires idle workers after a few seconds), a warm sandbox was killed
// while idle and its next request failed.
struct spawn_job {
    const char *path;
    char *const *argv;
    char *const *envp;
    const int *fd_from;
    const int *fd_to;
    int nfds;
    const char *const *cgroup_procs;
    int ncgroups;
    uid_t uid;
    gid_t gid;
    pid_t result;
    int done;
    struct spawn_job *next;
};

static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t spawn_queued = PTHREAD_COND_INITIALIZER;
static pthread_cond_t spawn_finished = PTHREAD_COND_INITIALIZER;
static struct spawn_job *spawn_head;
static struct spawn_job *spawn_tail;
static pthread_once_t spawner_once = PTHREAD_ONCE_INIT;
static int spawner_error;

static void *spawner_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&spawn_lock);
    for (;;) {
        while (spawn_head == NULL) pthread_cond_wait(&spawn_queued, &spawn_lock);
        struct spawn_job *job = spawn_head;
        spawn_head = job->next;
        if (spawn_head == NULL) spawn_tail = NULL;
        pthread_mutex_unlock(&spawn_lock);
        pid_t pid = spawn_here(job->path, job->argv, job->envp, job->fd_from, job->fd_to, job->nfds,
                               job->cgroup_procs, job->ncgroups, job->uid, job->gid);
        pthread_mutex_lock(&spawn_lock);
        job->result = pid;
        job->done = 1;
        pthread_cond_broadcast(&spawn_finished);
    }
    return NULL;
}

static void start_spawner(void) {
    pthread_t thread;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);  // the spawner takes no signals (its children reset their mask)
    spawner_error = pthread_create(&thread, NULL, spawner_main, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (spawner_error == 0) pthread_detach(thread);
}

pid_t fw_spawn(const char *path, char *const argv[], char *const envp[], const int *fd_from, const int *fd_to,
               int nfds, const char *const *cgroup_procs, int ncgroups, uid_t uid, gid_t gid) {
    pthread_once(&spawner_once, start_spawner);
    if (spawner_error != 0) return -spawner_error;
    struct spawn_job job = {path, argv, envp, fd_from, fd_to, nfds, cgroup_procs, ncgroups, uid, gid, 0, 0, NULL};
    pthread_mutex_lock(&spawn_lock);
    if (spawn_tail) spawn_tail->next = &job; else spawn_head = &job;
    spawn_tail = &job;
    pthread_cond_signal(&spawn_queued);
    while (!job.done) pthread_cond_wait(&spawn_finished, &spawn_lock);
    pthread_mutex_unlock(&spawn_lock);
    return job.result;
}

int fw_set_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 ? 0 : -errno;
}

int fw_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : -errno;
}
