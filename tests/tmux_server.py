"""A private tmux server for the real-terminal tests: its own socket, killed at the end."""

from __future__ import annotations

import subprocess
import time
import uuid


class TmuxServer:
    """Runs tmux commands against one private server (``tmux -L <socket>``)."""

    def __init__(self, prefix: str = "reader-test") -> None:
        self.socket = f"{prefix}-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=15)
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def screen(self, target: str) -> str:
        """What the pane shows now."""
        return self("capture-pane", "-p", "-t", target)

    def wait_for(self, target: str, words: str, timeout: float) -> str:
        """The pane's screen once it shows ``words``, or as it is when ``timeout`` runs out."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen(target)
            if words in screen or time.monotonic() > deadline:
                return screen
            time.sleep(0.3)

    def buffers(self) -> str:
        """The server's paste buffers, one ``name:sample`` a line."""
        return self("list-buffers", "-F", "#{buffer_name}:#{buffer_sample}", check=False)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=15)
