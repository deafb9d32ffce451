#define _GNU_SOURCE
#include "CForewarmSandbox.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static int deny(scmp_filter_ctx ctx, int err, const char *name) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR) return 0; // not on this architecture
    return seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0);
}

int fw_seccomp_bpf_fd(int allow_inet) {
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) return -ENOMEM;
    int rc = 0;
    static const char *denied[] = {
        "ptrace", "mount", "umount2", "pivot_root", "unshare", "setns", "bpf", "io_uring_setup", "io_uring_enter",
        "io_uring_register", "keyctl", "add_key", "request_key", "perf_event_open", "userfaultfd", "kexec_load",
        "kexec_file_load", "init_module", "finit_module", "delete_module", "swapon", "swapoff", "reboot", "acct",
        "quotactl", "open_by_handle_at", "name_to_handle_at", "lookup_dcookie", "syslog", "process_vm_readv",
        "process_vm_writev", "fsopen", "fsmount", "fsconfig", "move_mount", "open_tree", "fspick", "mount_setattr",
        "chroot", "vhangup", "settimeofday", "clock_settime", "adjtimex", "clock_adjtime", "iopl", "ioperm",
    };
    for (size_t i = 0; rc == 0 && i < sizeof(denied) / sizeof(denied[0]); i++) rc = deny(ctx, EPERM, denied[i]);
    // clone3 passes its flags in memory seccomp cannot read: ENOSYS makes libc fall back to clone.
    if (rc == 0) rc = deny(ctx, ENOSYS, "clone3");
    static const unsigned long nsflags[] = {CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
                                            CLONE_NEWIPC, CLONE_NEWUTS, CLONE_NEWCGROUP};
    for (size_t i = 0; rc == 0 && i < sizeof(nsflags) / sizeof(nsflags[0]); i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                              SCMP_A0(SCMP_CMP_MASKED_EQ, nsflags[i], nsflags[i]));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                              SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI));
    // Sockets: AF_UNIX only, plus AF_INET/AF_INET6 when the sandbox may use its private loopback. A network
    // namespace does not cut off AF_VSOCK or netlink; this does. libseccomp ANDs the comparisons of one rule, and
    // each `socket` rule must be the only one for the syscall, so the allowed families are checked in one rule.
    if (rc == 0 && allow_inet)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
                              SCMP_A0(SCMP_CMP_GT, AF_INET6));
    if (rc == 0 && allow_inet)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
                              SCMP_A0(SCMP_CMP_LT, AF_UNIX));
    for (int family = AF_UNIX + 1; rc == 0 && allow_inet && family < AF_INET6; family++)
        if (family != AF_INET)
            rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
                                  SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)family));
    if (rc == 0 && !allow_inet)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1,
                              SCMP_A0(SCMP_CMP_NE, AF_UNIX));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socketpair), 1,
                              SCMP_A0(SCMP_CMP_NE, AF_UNIX));
    int fd = -1;
    if (rc == 0) {
        fd = memfd_create("forewarm-seccomp", MFD_CLOEXEC);
        if (fd < 0) rc = -errno;
    }
    if (rc == 0) rc = seccomp_export_bpf(ctx, fd);
    if (rc == 0 && lseek(fd, 0, SEEK_SET) < 0) rc = -errno;
    seccomp_release(ctx);
    if (rc != 0) {
        if (fd >= 0) close(fd);
        return rc < 0 ? rc : -EINVAL;
    }
    return fd;
}
