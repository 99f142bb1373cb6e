"""Verdict latency: the time from a command's end to the tutor's verdict on screen, for every
shell line of the course, typed into the interactive shell in a plain pseudo-terminal.

The end of a command is marked by the command's own bash: BASH_ENV (read by every
non-interactive bash) wraps the EXIT trap of the line's bash so that it first writes an unknown OSC sequence to the line's
terminal, but only in the bash that runs a learner's line (RCTR_SCRIPT is set there). The mark
travels through the same pseudo-terminals as the command's output, so its arrival is when the
learner could see that the command had ended. From it this measures the first byte the tutor
prints and the next prompt (the verdict complete, the learner can type again).

Run by verdict.sh: python3 verdict.py ROUNDS PROJECT WORKDIR USER STEPS-FILE
"""

import os
import pwd
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyclock import Pty, median, percentile, spread  # noqa: E402

PROMPT = re.compile(rb" \$ (?:\x1b\[[0-9;?]*[A-Za-z])*$")
MARK = b"\x1b]9999;rctr-exit\x07"
# run-line.sh sets its own EXIT trap (it records the line's state there): this wraps it so the
# mark is written first, the moment the learner's line has finished.
TRAP = r"""if [ -n "${RCTR_SCRIPT:-}" ]; then
  trap() {
    if [ "$#" -eq 2 ] && [ "$2" = EXIT ]; then
      builtin trap "printf '\033]9999;rctr-exit\007' >/dev/tty 2>/dev/null; $1" EXIT
    else
      builtin trap "$@"
    fi
  }
fi
"""


def main():
    rounds, project, work, user, steps = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    home = pwd.getpwnam(user).pw_dir
    with open(work + "/mark.sh", "w") as f:
        f.write(TRAP)
    env = {
        "HOME": home, "USER": user, "LOGNAME": user, "TERM": "xterm-256color", "LANG": "C.UTF-8",
        "PATH": "/usr/local/bin:/usr/bin:/bin", "SHELL": "/bin/bash", "BASH_ENV": work + "/mark.sh",
        "XDG_CACHE_HOME": work + "/cache", "XDG_STATE_HOME": work + "/state", "XDG_CONFIG_HOME": work + "/config",
        "XDG_RUNTIME_DIR": work + "/run",
    }
    if os.environ.get("ROOTLESS_CTR_JAVA"):
        env["ROOTLESS_CTR_JAVA"] = os.environ["ROOTLESS_CTR_JAVA"]  # to time the shell on Java 17
    lines = [l.rstrip("\n") for l in open(steps) if l.strip() and not l.startswith("#")]
    to_first, to_prompt, excluded = {}, {}, {}
    for r in range(rounds):
        fresh(work, user)
        p = Pty([project + "/rootless-ctr", "--lab", work + "/lab"], user=user, env=env, cwd=work + "/lab")
        p.until(PROMPT, 120)
        for line in lines:
            p.write(line + "\r")
            chunks = collect(p)
            mark = find_mark(chunks)
            if mark is None:
                continue  # a : command, or a line that ran no command
            at, first = mark
            end = chunks[-1][1]
            starts_container = re.search(r"\brun\b", line) is not None and line.startswith("runc")
            bucket = excluded if starts_container else to_prompt
            bucket.setdefault(line, []).append((end - at) * 1000)
            if not starts_container:
                to_first.setdefault(line, []).append(((first if first is not None else end) - at) * 1000)
        p.write(":quit\r")
        p.finish(60)
        print("round %d done" % (r + 1), flush=True)
    report(to_first, to_prompt, excluded, rounds)


def collect(p):
    """All chunks (bytes, arrival time) until the next prompt."""
    chunks, seen = [], b""
    while True:
        data, when = p.read(300)
        if when is None:
            raise EOFError("the shell ended; last output: %r" % seen[-400:])
        chunks.append((data, when))
        seen += data
        if PROMPT.search(seen):
            return chunks


def find_mark(chunks):
    """(arrival of the last exit mark, arrival of the first later byte or None), or None."""
    found = None
    for i, (data, when) in enumerate(chunks):
        at = data.rfind(MARK)
        if at >= 0:
            rest = data[at + len(MARK):]
            later = when if rest.strip(b"\r\n") else next((w for d, w in chunks[i + 1:] if d), None)
            found = (when, later)
    return found


def fresh(work, user):
    subprocess.run(["runuser", "-u", user, "--", "runc", "--root", work + "/run/rootless-ctr/runc", "delete", "--force", "myctr"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) if os.getuid() == 0 else None
    try:
        os.remove(os.path.join(pwd.getpwnam(user).pw_dir, "rootless-ctr-was-here"))
    except OSError:
        pass
    for d in ("lab", "state"):
        shutil.rmtree(os.path.join(work, d), ignore_errors=True)
    os.makedirs(work + "/lab")
    os.makedirs(work + "/state/rootless-ctr")
    with open(work + "/state/rootless-ctr/progress-rootless.json", "w") as f:
        f.write('{"version":1,"completed":{},"current":{"lesson":"pull","step":1}}')
    if os.getuid() == 0:
        subprocess.run(["chown", "-R", user, work + "/lab", work + "/state"], check=True)


def report(to_first, to_prompt, excluded, rounds):
    print("verdict latency per line, ms from the command's end (median over %d rounds):" % rounds)
    print("  %8s %8s  %s" % ("1st byte", "prompt", "line"))
    for line in to_prompt:
        print("  %8.0f %8.0f  %s" % (median(to_first[line]), median(to_prompt[line]), line[:90]))
    for line in excluded:
        print("  %8s %8.0f  %s  (starts a container: excluded)" % ("", median(excluded[line]), line[:70]))
    first = [v for vs in to_first.values() for v in vs]
    whole = [v for vs in to_prompt.values() for v in vs]
    if whole:
        print("over %d measured lines x %d rounds (%d samples), excluding lines that start a container:" % (len(to_prompt), rounds, len(whole)))
        print("  to the verdict's first byte: median %.0f ms, p95 %.0f ms (%s)" % (median(first), percentile(first, 95), spread(first)))
        print("  to the next prompt:          median %.0f ms, p95 %.0f ms (%s)  (target: median <= 30, p95 <= 100)"
              % (median(whole), percentile(whole, 95), spread(whole)))


if __name__ == "__main__":
    main()
