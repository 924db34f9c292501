"""Two real Syncthing instances on loopback, for the end-to-end test.

Each instance has its own config home (``--home``), its GUI/REST and its sync port on
127.0.0.1 at free ports, with global and local discovery, relays, NAT traversal, usage
reports, crash reports and upgrades off. The devices learn of each other through the REST
API with explicit ``tcp://127.0.0.1:PORT`` addresses.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "reconnectionIntervalS": "1",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Syncthing:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.gui_port = free_port()
        self.sync_port = free_port()
        self.api_key = secrets.token_hex(16)
        self.proc: subprocess.Popen[bytes] | None = None
        binary = shutil.which("syncthing")
        assert binary is not None
        self.binary = binary
        subprocess.run(
            [binary, "generate", f"--home={home}", "--no-default-folder", "--skip-port-probing"],
            check=True,
            capture_output=True,
            timeout=30,
        )
        self.device_id = subprocess.run(
            [binary, "serve", f"--home={home}", "--device-id"], check=True, capture_output=True, text=True, timeout=30
        ).stdout.strip()
        config = home / "config.xml"
        tree = ET.parse(config)
        options = tree.getroot().find("options")
        assert options is not None
        for name, value in OPTIONS.items():
            node = options.find(name)
            if node is None:
                node = ET.SubElement(options, name)
            node.text = value
        for node in options.findall("listenAddress"):
            options.remove(node)
        ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{self.sync_port}"
        tree.write(config)

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.sync_port}"

    def start(self) -> None:
        env = {**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1", "STNODEFAULTFOLDER": "1"}
        log = open(self.home / "syncthing.log", "wb")  # noqa: SIM115 (closed with the process)
        self.proc = subprocess.Popen(
            [
                self.binary,
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                f"--gui-address=http://127.0.0.1:{self.gui_port}",
                f"--gui-apikey={self.api_key}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        log.close()

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.proc = None

    def log_tail(self) -> str:
        try:
            return (self.home / "syncthing.log").read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def rest(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback only)
            raw = response.read()
        return json.loads(raw) if raw.strip() else None

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, self.log_tail()
            try:
                if self.rest("GET", "/rest/system/ping") == {"ping": "pong"}:
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.1)
        raise AssertionError("syncthing did not start:\n" + self.log_tail())

    def add_device(self, other: Syncthing, name: str) -> None:
        self.rest(
            "POST", "/rest/config/devices", {"deviceID": other.device_id, "name": name, "addresses": [other.address]}
        )

    def share(self, folder_id: str, path: Path, other: Syncthing) -> None:
        (path / ".stfolder").mkdir(parents=True, exist_ok=True)
        self.rest(
            "POST",
            "/rest/config/folders",
            {
                "id": folder_id,
                "label": folder_id,
                "path": str(path),
                "type": "sendreceive",
                "devices": [{"deviceID": self.device_id}, {"deviceID": other.device_id}],
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": 1,
                "rescanIntervalS": 2,
            },
        )
