#!/usr/bin/env python3
"""Hostile and many clients against a running `mirror serve`, on loopback only.

Used by bench/mirror-connections.sh; prints one line per measurement. Every socket is bounded in
time (a timeout on each) and in count (at most --connections, spread over a few 127.0.0.x
addresses so the per-address cap does not refuse them).
"""
import argparse
import socket
import threading
import time


def connect(address, local="127.0.0.1", timeout=15.0):
    host, port = address.rsplit(":", 1)
    s = socket.socket()
    s.settimeout(timeout)
    s.bind((local, 0))
    s.connect((host, int(port)))
    return s


def read_answer(s):
    """Reads until the server closes; returns (status or None, bytes read)."""
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    status = data[9:12].decode() if data.startswith(b"HTTP/1.1 ") else None
    return status, len(data)


def status_text(status):
    return status if status else "no answer (closed or timed out)"


def trickle(address, seconds_per_byte, limit_s):
    s = connect(address, timeout=limit_s)
    start = time.monotonic()
    s.settimeout(seconds_per_byte)
    request = b"GET /v2/ HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"z" * 1000
    for b in request:
        if time.monotonic() - start > limit_s:
            break
        try:
            s.send(bytes([b]))
            got = s.recv(65536)
            status = got[9:12].decode() if got.startswith(b"HTTP/1.1 ") else None
            s.close()
            return status, time.monotonic() - start
        except socket.timeout:
            continue
        except OSError:
            break
    s.close()
    return None, time.monotonic() - start


def send_then_answer(address, head, body_iter):
    """Sends head then body chunks from another thread; returns (status, bytes the client sent)."""
    s = connect(address)
    sent = [0]

    def writer():
        try:
            s.sendall(head)
            sent[0] += len(head)
            for chunk in body_iter:
                s.sendall(chunk)
                sent[0] += len(chunk)
        except OSError:
            pass

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    status, _ = read_answer(s)
    s.close()
    return status, sent[0]


def chunks(piece, total):
    block = piece * (1 << 20 // len(piece))
    left = total
    while left > 0:
        yield block[: min(len(block), left)]
        left -= len(block)


def vm_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def hostile(args):
    status, secs = trickle(args.address, 1.0, 15)
    print(f"1 byte/s trickle: {status_text(status)} after {secs:.1f} s")
    status, sent = send_then_answer(args.address, b"GET /v2/ HTTP/1.1\r\nHost: x\r\nX-Big: ", chunks(b"a", 64 << 20))
    print(f"one 64 MiB header line: {status_text(status)}, client got to send {sent >> 20} MiB")
    status, sent = send_then_answer(args.address, b"", chunks(b"\r\n", 64 << 20))
    print(f"64 MiB of CRLF before a request line: {status_text(status)}, client got to send {sent >> 20} MiB")


def crowd(args):
    """Opens N connections from 127.0.0.2.., each sending a first request and then idling, or
    trickling one from one address (slow); then times a valid request from 127.0.0.1."""
    sockets = []
    locals_ = [f"127.0.0.{i}" for i in range(2, 2 + args.addresses)]
    refused = 0
    start = time.monotonic()
    for i in range(args.connections):
        local = locals_[0] if args.slow else locals_[i % len(locals_)]
        try:
            s = connect(args.address, local, timeout=5)
            if args.slow:
                s.send(b"G")
            else:
                s.sendall(b"GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n")
            sockets.append(s)
        except OSError:
            refused += 1
    if not args.slow:
        for s in sockets:
            try:
                s.recv(4096)
            except OSError:
                pass
    opened = time.monotonic() - start
    t0 = time.monotonic()
    status, size = send_then_answer(args.address, b"GET " + args.path.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [])
    valid_ms = (time.monotonic() - t0) * 1000
    fields = vm_status(args.pid)
    kind = "slow (1 byte each, one address)" if args.slow else f"idle keep-alive over {len(locals_)} addresses"
    print(f"{args.connections} {kind} connections opened in {opened:.1f} s ({refused} refused at connect); "
          f"a valid GET from 127.0.0.1: {status_text(status)} in {valid_ms:.0f} ms; "
          f"mirror VmRSS {fields['VmRSS']}, VmHWM {fields['VmHWM']}, threads {fields['Threads']}")
    if args.slow:
        answers = {}
        deadline = time.monotonic() + 20
        for s in sockets:
            s.settimeout(max(0.1, deadline - time.monotonic()))
            st, _ = read_answer(s)
            answers[status_text(st)] = answers.get(status_text(st), 0) + 1
        print(f"  what the slow connections got within 20 s: {answers}")
    for s in sockets:
        s.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["hostile", "crowd"])
    p.add_argument("--address", required=True)
    p.add_argument("--pid", type=int)
    p.add_argument("--connections", type=int, default=500)
    p.add_argument("--addresses", type=int, default=10)
    p.add_argument("--slow", action="store_true")
    p.add_argument("--path", default="/v2/")
    args = p.parse_args()
    hostile(args) if args.mode == "hostile" else crowd(args)


if __name__ == "__main__":
    main()
