"""Time to the first prompt in a plain pseudo-terminal (see ptyclock.py), alternated rounds of:
the shell as the launcher starts it (a JDK 25 with its own class-data archive when one is installed), the
shell forced onto Java 17 (ROOTLESS_CTR_JAVA), and an empty Java main printing "$ " on Java 17
and on the JDK 25. Then the shell's peak memory over a session.

Run by startup.sh: python3 startup.py ROUNDS PROJECT WORKDIR USER JAVA17 [JAVA25]
"""

import os
import pwd
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyclock import Pty, cpu_ms, java_pid, median, spread, vm_hwm_kb  # noqa: E402

# The shell's prompt ends in " $ " and then, at most, escape sequences; lesson text that shows a
# "$ " is always followed by more text.
SHELL_PROMPT = re.compile(rb" \$ (?:\x1b\[[0-9;?]*[A-Za-z])*$")
EMPTY_PROMPT = re.compile(rb"\$ $")


def main():
    rounds, project, work, user, java17 = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    java25 = sys.argv[6] if len(sys.argv) > 6 else ""
    home = pwd.getpwnam(user).pw_dir
    env = {
        "HOME": home, "USER": user, "LOGNAME": user, "TERM": "xterm-256color", "LANG": "C.UTF-8",
        "PATH": "/usr/local/bin:/usr/bin:/bin", "SHELL": "/bin/bash",
        "XDG_CACHE_HOME": work + "/cache", "XDG_STATE_HOME": work + "/state", "XDG_CONFIG_HOME": work + "/config",
    }
    launcher = [project + "/rootless-ctr", "--lab", work + "/lab"]
    sides = {"shell": (launcher, dict(env), SHELL_PROMPT, True)}
    if java25:
        sides["shell on 17"] = (launcher, dict(env, ROOTLESS_CTR_JAVA=java17), SHELL_PROMPT, True)
    sides["empty java 17"] = ([java17, "-Xshare:auto", "-cp", work + "/empty", "Empty"], env, EMPTY_PROMPT, False)
    if java25:
        sides["empty java 25"] = ([java25, "-Xshare:auto", "-cp", work + "/empty", "Empty"], env, EMPTY_PROMPT, False)

    # Warm-up: the first shell start on each JVM records its class-data archive;
    # the first runs also warm the page cache.
    for name, side in sides.items():
        once(*side)
    times = {name: [] for name in sides}
    cpu = {name: [] for name in sides}
    names = list(sides)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]  # rotate who goes first
        for name in order:
            ms, used = once(*sides[name])
            times[name].append(ms)
            cpu[name].append(used)
        print("round %d: %s" % (r + 1, ", ".join("%s %.0f ms" % (n, times[n][-1]) for n in names)), flush=True)

    med = {n: median(t) for n, t in times.items()}
    print("time to first prompt, median (min-max) of %d alternated rounds:" % rounds)
    for n in names:
        print("  %-14s %5.0f ms (%s)" % (n, med[n], spread(times[n])))
    # CPU time is what the shell itself spends; on a busy host it varies far less than wall time.
    print("CPU time (user+sys) of the JVM up to the first prompt, median (min-max), 10 ms ticks:")
    for n in names:
        print("  %-14s %5.0f ms (%s)" % (n, median(cpu[n]), spread(cpu[n])))
    base_cpu = median(cpu["empty java 17"])
    print("CPU ratio shell / empty java 17: %.2f%s" % (median(cpu["shell"]) / base_cpu,
          ("; shell on 17: %.2f" % (median(cpu["shell on 17"]) / base_cpu)) if java25 else ""))
    base = med["empty java 17"]
    if java25:
        print("ratio shell (JDK 25) / empty java 17: %.2f (target <= 4)" % (med["shell"] / base))
        print("ratio shell (JDK 25) / empty java 25: %.2f" % (med["shell"] / med["empty java 25"]))
        print("ratio shell on Java 17 / empty java 17:          %.2f (target <= 5)" % (med["shell on 17"] / base))
    else:
        print("ratio shell on Java 17 / empty java 17: %.2f (target <= 5)" % (med["shell"] / base))
    print("per-round ratios shell/empty-17 (min-max): %.2f-%.2f" % (
        min(s / b for s, b in zip(times["shell"], times["empty java 17"])),
        max(s / b for s, b in zip(times["shell"], times["empty java 17"]))))
    print("peak memory over a session (VmHWM of the shell's JVM): %d MB (target <= 100)" % (peak(launcher, env) // 1024))


def once(argv, env, prompt, shell):
    """Wall milliseconds to the prompt, and the JVM's CPU milliseconds by then."""
    p = Pty(argv, user=env["USER"], env=env, cwd=env["HOME"])
    at = p.until(prompt, 60)
    ms = (at - p.start) * 1000
    # The launcher scripts exec java, so the pty's child is the JVM. An empty main may already
    # have ended: then its whole CPU time comes from its exit status.
    used = cpu_ms(p.pid)
    if shell:
        p.write(":quit\r")
    rusage = p.finish(120)  # a training run writes its cache at exit
    return ms, used if used >= 0 else rusage


def peak(launcher, env):
    p = Pty(launcher, user=env["USER"], env=env, cwd=env["HOME"])
    p.until(SHELL_PROMPT, 60)
    for line in [":lessons", ":status", ":hint", ":run", ":next", ":next", ":run", ":next", ":run", ":explain", ":next", ":show", ":help"]:
        p.write(line + "\r")
        p.until(SHELL_PROMPT, 120)
    pid = java_pid(p.pid)
    kb = vm_hwm_kb(pid) if pid else -1
    p.write(":reset all --yes\r:quit\r")
    p.finish(60)
    return kb


if __name__ == "__main__":
    main()
