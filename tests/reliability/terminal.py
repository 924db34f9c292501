"""The app run as a person runs it: a real process on a real terminal (a pty), for tests that send it signals."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """``python -m tui ARGS`` on a pty of ``size``; what it draws is read as it comes."""

    def __init__(self, *args: str, size: tuple[int, int] = (100, 30)) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        env.pop("NO_COLOR", None)
        pid, fd = pty.fork()
        if pid == 0:  # the child: the app
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "tui", *args], env)
        self.pid, self.fd = pid, fd
        columns, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.output = b""
        self.status: int | None = None

    def _read(self, deadline: float) -> bool:
        """Read what came; False once the terminal is closed."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the app has closed its end
            return False
        self.output += chunk
        return bool(chunk)

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        """Read until ``text`` has been drawn (after what was read so far is dropped from the search)."""
        wanted = text.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self.output:
            if time.monotonic() > deadline or not self._read(deadline):
                raise AssertionError(f"{text!r} never shown; the last output: {self.output[-600:]!r}")

    def forget(self) -> None:
        """Drop what was read so far, so that the next wait_for sees only what comes next."""
        self.output = b""

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def wait_exit(self, timeout: float = 30.0) -> int:
        """Wait for the app to end (reading what it writes meanwhile); its wait status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                while self._read(time.monotonic()):  # what it wrote last
                    pass
                self.status = status
                return status
            self._read(min(deadline, time.monotonic() + 0.05))
        self.kill()
        raise AssertionError("the app did not end")

    def kill(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, self.status = os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)
