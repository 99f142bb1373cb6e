"""A small pseudo-terminal driver for the benches: spawns a program on a fresh pty with a
120x40 window (no script(1), no stty: the window size is set on the pty itself, the way a
terminal emulator does), as a given user, and timestamps the bytes it writes.

Used by startup.sh (time to the first prompt) and verdict.sh (time from a command's exit to
the verdict and the next prompt). Python's pty and termios are in the standard library.
"""

import fcntl
import os
import pwd
import select
import signal
import struct
import termios
import time

ROWS, COLS = 40, 120


class Pty:
    """One program on its own pty; read() returns (bytes, monotonic time of their arrival)."""

    def __init__(self, argv, user=None, env=None, cwd=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        account = pwd.getpwnam(user) if user else None
        self.start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if account and os.getuid() != account.pw_uid:
                    os.setgroups([])
                    os.setgid(account.pw_gid)
                    os.setuid(account.pw_uid)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env if env is not None else os.environ)
            except BaseException as e:  # the child must never return into the bench
                os.write(2, ("ptyclock: cannot start %s: %s\n" % (argv[0], e)).encode())
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master
        self.seen = b""

    def read(self, timeout):
        """The next chunk of output and when it arrived, or (b"", None) at the end or timeout."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b"", None
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the program and all its children closed the pty
            return b"", None
        return data, time.monotonic()

    def until(self, marker, timeout=60.0):
        """Reads until marker (bytes, or a compiled bytes regex) appears in the output since the
        last call; returns the arrival time of the chunk that completed it."""
        deadline = time.monotonic() + timeout
        while True:
            found = marker.search(self.seen) if hasattr(marker, "search") else None
            at = found.end() if found else (-1 if hasattr(marker, "search") else self.seen.find(marker))
            if at >= 0:
                self.seen = self.seen[at if found else at + len(marker):]
                return self.last
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %r within %.0f s; last output: %r" % (marker, timeout, self.seen[-400:]))
            data, when = self.read(left)
            if when is None:
                raise EOFError("ended before %r; last output: %r" % (marker, self.seen[-400:]))
            self.seen += data
            self.last = when

    def write(self, text):
        os.write(self.fd, text.encode())

    def finish(self, timeout=30.0):
        """Drains the output until the program ends; kills it after timeout. Returns its CPU
        milliseconds (user+sys), or -1."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data, when = self.read(deadline - time.monotonic())
            if when is None:
                break
        used = -1
        try:
            pid, _, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid == 0:
                os.kill(self.pid, signal.SIGKILL)
                _, _, rusage = os.wait4(self.pid, 0)
            used = (rusage.ru_utime + rusage.ru_stime) * 1000
        except ChildProcessError:
            pass
        os.close(self.fd)
        return used


def descendants(root):
    """Pids below root, from /proc (the JVM runs under the launcher script's exec chain)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def cpu_ms(pid):
    """User+system CPU milliseconds pid has used so far (/proc/PID/stat, in clock ticks), or -1."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return -1


def vm_hwm_kb(pid):
    """Peak resident memory of pid in KiB (VmHWM), or -1."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def java_pid(root):
    for pid in descendants(root):
        try:
            if os.readlink("/proc/%d/exe" % pid).endswith("/java"):
                return pid
        except OSError:
            continue
    return None


def median(values):
    s = sorted(values)
    return s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2


def percentile(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    rank = max(1, -(-p * len(s) // 100))
    return s[int(rank) - 1]


def spread(values):
    """min-max of a list of milliseconds, as text."""
    return "%.0f-%.0f" % (min(values), max(values))
