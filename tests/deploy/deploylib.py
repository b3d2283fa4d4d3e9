"""What the deployment checks share: the repository's files read as data, and local stand-ins
for the containers (the production server, nginx) that the tests start and stop themselves."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
BACKEND = REPO / "backend"
VENV_BIN = BACKEND / ".venv" / "bin"
COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
NGINX_DIR = REPO / "deploy" / "nginx"
SPA_DIST = REPO / "frontend" / "dist"

_ENV_LINE = re.compile(r"^(?P<commented>#\s*)?(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>.*)$")
_INTERPOLATION = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<rest>[^}]*)\}")


# --- files as data ------------------------------------------------------------------------------


def load_compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def compose_interpolations() -> dict[str, str]:
    """Map each ${NAME...} used in docker-compose.yml to its modifier (e.g. ':-80', ':?msg')."""
    found: dict[str, str] = {}
    for match in _INTERPOLATION.finditer(COMPOSE_FILE.read_text(encoding="utf-8")):
        found.setdefault(match["name"], match["rest"])
    return found


@dataclass(frozen=True)
class EnvEntry:
    name: str
    value: str
    active: bool


def env_example_entries() -> dict[str, EnvEntry]:
    entries: dict[str, EnvEntry] = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = _ENV_LINE.match(line.strip())
        if match:
            value = match["value"].strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            entries[match["name"]] = EnvEntry(match["name"], value, not match["commented"])
    return entries


def variables_read_by_backend() -> dict[str, str]:
    """Every environment variable the backend's code reads, mapped to the file reading it."""
    patterns = [
        re.compile(r"\benv\.(?:str|bool|int|list|db_url|cache_url)\(\s*\"([A-Z][A-Z0-9_]*)\""),
        re.compile(r"os\.environ(?:\.get|\.setdefault|\.pop)?\(\s*\"([A-Z][A-Z0-9_]*)\""),
        re.compile(r"os\.environ\[\s*\"([A-Z][A-Z0-9_]*)\"\s*\]"),
        re.compile(r"os\.getenv\(\s*\"([A-Z][A-Z0-9_]*)\""),
    ]
    found: dict[str, str] = {}
    for folder in ("config", "hms"):
        for path in sorted((BACKEND / folder).rglob("*.py")):
            parts = set(path.relative_to(BACKEND).parts)
            if parts & {"tests", "migrations"} or path.name == "conftest.py":
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in patterns:
                for name in pattern.findall(text):
                    found.setdefault(name, str(path.relative_to(REPO)))
    return found


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = pending + line
        pending = ""
        keyword, _, arguments = full.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def dockerfile_env(path: Path) -> dict[str, str]:
    env: dict[str, str] = {}
    for keyword, arguments in dockerfile_instructions(path):
        if keyword == "ENV":
            for match in re.finditer(r"([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\S+)", arguments):
                env[match[1]] = match[2].strip('"')
    return env


# --- processes ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port} after {timeout}s:\n{log.read_text()[-4000:]}")


@contextmanager
def running(
    command: list[str], *, env: dict[str, str], log: Path, port: int, timeout: float = 90
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server in its own process group, wait until it listens, stop it afterwards."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - the repository's own scripts and nginx
            command,
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_port(port, process, log, timeout)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


# --- nginx, as in the web image, on local ports ---------------------------------------------------


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
    )


def _replace(text: str, old: str, new: str) -> str:
    # Every rewrite must hit: a template change that dodges one would make the check vacuous.
    assert old in text, f"expected {old!r} in the nginx template"
    return text.replace(old, new)


def render_nginx(
    workdir: Path, *, backend: str, http_port: int, https_port: int, dist: Path = SPA_DIST
) -> Path:
    """Write a runnable nginx.conf for deploy/nginx/ into workdir; return its path.

    The template is filled in from the web image's ENV defaults (as the image does at start),
    with the upstream, the listen ports and the container paths pointed at this machine.
    """
    image_env = dockerfile_env(REPO / "deploy" / "web" / "Dockerfile")
    values = {**image_env, "HMS_BACKEND_SERVER": backend, "HMS_SERVER_NAME": "_"}
    template = (NGINX_DIR / "templates" / "default.conf.template").read_text(encoding="utf-8")

    def substitute(match: re.Match[str]) -> str:
        name = match["name"]
        assert name in values, f"${{{name}}} has no value in the web image's ENV"
        return values[name]

    site = re.sub(r"\$\{(?P<name>HMS_[A-Z0-9_]+)\}", substitute, template)
    snippets = workdir / "snippets"
    shutil.copytree(NGINX_DIR / "snippets", snippets, dirs_exist_ok=True)
    certs = workdir / "certs"
    certs.mkdir(exist_ok=True)
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout",
            str(certs / "privkey.pem"),
            "-out",
            str(certs / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = _replace(site, "/etc/nginx/snippets/", f"{snippets}/")
    site = _replace(site, "/etc/nginx/certs/", f"{certs}/")
    site = _replace(site, "/usr/share/nginx/html", str(dist))
    site = _replace(
        site, "listen 80 default_server", f"listen 127.0.0.1:{http_port} default_server"
    )
    site = _replace(
        site, "listen 443 ssl default_server", f"listen 127.0.0.1:{https_port} ssl default_server"
    )
    (workdir / "site.conf").write_text(site, encoding="utf-8")
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / temp).mkdir(exist_ok=True)
    # The http block of the nginx image's own /etc/nginx/nginx.conf, with paths in workdir.
    main = f"""
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {workdir}/access.log;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    sendfile on;
    keepalive_timeout 65;
    include {workdir}/site.conf;
}}
"""
    conf = workdir / "nginx.conf"
    conf.write_text(main, encoding="utf-8")
    workdir.chmod(0o755)
    return conf
