"""Static checks of the deployment files: Docker cannot run on the development machines, so the
compose file, the Dockerfiles, nginx's configuration and .env.example are checked as data, and
the production settings are loaded with .env.example's values. (The compose file's schema,
hadolint and shellcheck run in `make deploy-check` before these.)"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from deploylib import (
    BACKEND,
    NGINX_DIR,
    REPO,
    compose_interpolations,
    dockerfile_env,
    dockerfile_instructions,
    env_example_entries,
    free_port,
    load_compose,
    nginx_binary,
    render_nginx,
    variables_read_by_backend,
)

BACKEND_DOCKERFILE = BACKEND / "Dockerfile"
WEB_DOCKERFILE = REPO / "deploy" / "web" / "Dockerfile"
TEMPLATE = NGINX_DIR / "templates" / "default.conf.template"
# Read by gunicorn itself (not by Django): the worker count and extra command-line flags.
GUNICORN_VARIABLES = {"WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"}
SECRETS = {
    "SECRET_KEY",
    "JWT_SIGNING_KEY",
    "POSTGRES_PASSWORD",
    "POSTGRES_APP_PASSWORD",
    "HMS_ADMIN_SIGNUP_CODE",
}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_compose()


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, Any]:
    return compose["services"]


def _depends_on(service: dict[str, Any]) -> dict[str, str]:
    raw = service.get("depends_on", {})
    if isinstance(raw, list):
        return dict.fromkeys(raw, "service_started")
    return {name: spec.get("condition", "service_started") for name, spec in raw.items()}


# --- docker-compose.yml -------------------------------------------------------------------------


def test_the_stack_has_exactly_its_seven_services(services):
    assert set(services) == {"db", "redis", "migrate", "backend", "worker", "beat", "web"}


def test_every_dependency_is_a_defined_service_and_health_waits_have_a_health_check(services):
    for name, service in services.items():
        for target, condition in _depends_on(service).items():
            assert target in services, f"{name} depends on undefined service {target}"
            if condition == "service_healthy":
                assert "healthcheck" in services[target], f"{target} has no healthcheck"
            if condition == "service_completed_successfully":
                assert services[target].get("restart") == "no", f"{target} must run once"


def test_every_named_volume_and_network_is_declared_and_used(compose, services):
    declared_volumes = set(compose.get("volumes") or {})
    declared_networks = set(compose.get("networks") or {})
    used_volumes: set[str] = set()
    used_networks: set[str] = set()
    for name, service in services.items():
        for volume in service.get("volumes", []):
            if not isinstance(volume, str):
                volume = f"{volume['source']}:{volume['target']}"
            # A bind mount's default path, as compose fills it in when the variable is unset.
            source = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", volume).split(":", 1)[0]
            if source.startswith((".", "/")):
                assert (REPO / source).exists(), f"{name} mounts missing {source}"
            else:
                used_volumes.add(source)
        networks = service.get("networks", [])
        used_networks.update(networks if isinstance(networks, list) else networks.keys())
    assert used_volumes == declared_volumes
    assert used_networks == declared_networks


def test_env_files_are_templates_in_the_repository_and_never_committed(services):
    tracked = subprocess.run(
        ["git", "ls-files"],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    referenced = set()
    for service in services.values():
        for entry in service.get("env_file", []):
            referenced.add(entry if isinstance(entry, str) else entry["path"])
    assert referenced == {".env"}
    assert (REPO / ".env.example").is_file()
    assert ".env" not in tracked
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".env"],  # noqa: S607
        cwd=REPO,
        check=False,
    )
    assert ignored.returncode == 0, ".env must be ignored by git"
    assert not [path for path in tracked if path.endswith((".pem", ".key", ".dump"))]


def test_build_contexts_dockerfiles_and_named_contexts_exist(services):
    for name, service in services.items():
        build = service.get("build")
        if not build:
            continue
        context = REPO / build["context"]
        assert context.is_dir(), name
        assert (context / build.get("dockerfile", "Dockerfile")).is_file(), name
        for extra in build.get("additional_contexts", {}).values():
            assert (REPO / extra).is_dir(), f"{name}: {extra}"
    docs_context = services["backend"]["build"]["additional_contexts"]["docs"]
    copied = [
        args
        for keyword, args in dockerfile_instructions(BACKEND_DOCKERFILE)
        if keyword == "COPY" and "--from=docs" in args
    ]
    assert copied == ["--from=docs api-description.md /docs/api-description.md"]
    assert (REPO / docs_context / "api-description.md").is_file()


def test_database_is_postgres_16_with_a_named_volume_and_a_health_check(services):
    db = services["db"]
    assert db["image"].startswith("postgres:16")
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert db["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


def test_migrations_run_once_before_any_backend_replica(services):
    assert services["migrate"]["command"] == [
        "sh",
        "-c",
        "python manage.py migrate --noinput && python manage.py icd10_load",
    ]
    assert _depends_on(services["backend"]) == {
        "db": "service_healthy",
        "redis": "service_healthy",
        "migrate": "service_completed_successfully",
    }
    assert _depends_on(services["web"]) == {"backend": "service_healthy"}
    # Replicas are started with --scale: nothing may pin one container name or host port.
    assert "container_name" not in services["backend"]
    assert "ports" not in services["backend"]


def test_backend_containers_share_one_configuration_and_the_redis_cache(services):
    for name in ("migrate", "backend", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].endswith("@db:5432/hms")
        assert environment["CACHE_URL"] == "redis://redis:6379/0"
        assert environment["CELERY_BROKER_URL"] == "redis://redis:6379/1"
        assert environment["HMS_NUM_PROXIES"] == "1"
        assert services[name]["image"] == services["backend"]["image"]
    assert services["backend"]["read_only"] is True


def test_a_celery_worker_and_one_beat_run_the_notifications_and_reminders(services):
    worker, beat = services["worker"], services["beat"]
    assert worker["command"][:4] == ["celery", "-A", "config", "worker"]
    assert beat["command"][:4] == ["celery", "-A", "config", "beat"]
    # The beat schedule file lives in the writable tmpfs of a read-only container.
    assert beat["command"][-2:] == ["--schedule", "/tmp/celerybeat-schedule"]  # noqa: S108
    for service in (worker, beat):
        assert service["read_only"] is True
        assert service["tmpfs"] == ["/tmp"]  # noqa: S108
        assert _depends_on(service)["migrate"] == "service_completed_successfully"
        assert _depends_on(service)["redis"] == "service_healthy"
        # Workers are scaled with --scale: nothing may pin a container name or a port.
        assert "container_name" not in service
        assert "ports" not in service
    assert "inspect ping" in " ".join(worker["healthcheck"]["test"])


def test_redis_keeps_the_queue_across_restarts_and_never_evicts_it(services):
    command = services["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    # Only keys with a lifetime (the cache's counters) may be evicted, never queued tasks.
    assert command[command.index("--maxmemory-policy") + 1] == "volatile-lru"
    assert services["redis"]["volumes"] == ["redisdata:/data"]


def test_health_checks_use_the_health_endpoints(services):
    backend_check = " ".join(services["backend"]["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/api/v1/health/ready/" in backend_check
    assert "/nginx-health" in " ".join(services["web"]["healthcheck"]["test"])
    assert "redis-cli" in services["redis"]["healthcheck"]["test"]


def test_third_party_images_are_pinned_to_a_release(services):
    for name, service in services.items():
        image = service["image"]
        if image.startswith("hms-"):
            continue
        tag = image.rpartition(":")[2]
        assert ":" in image and tag != "latest" and tag[0].isdigit(), f"{name}: {image}"


def test_every_compose_variable_is_documented_and_secrets_are_required():
    documented = env_example_entries()
    for name, modifier in compose_interpolations().items():
        assert name in documented, f"${{{name}}} is not in .env.example"
        if name in SECRETS:
            assert modifier.startswith(":?"), f"{name} must fail when unset, not default"


# --- .env.example -------------------------------------------------------------------------------


def test_env_example_documents_every_variable_the_backend_reads():
    documented = env_example_entries()
    missing = {
        name: where for name, where in variables_read_by_backend().items() if name not in documented
    }
    assert not missing, f"add these to .env.example: {missing}"


def test_env_example_documents_nothing_that_nobody_reads():
    used = set(variables_read_by_backend()) | set(compose_interpolations()) | GUNICORN_VARIABLES
    stale = set(env_example_entries()) - used
    assert not stale, f".env.example documents variables nothing reads: {sorted(stale)}"


def test_env_example_holds_no_secret_and_safe_production_defaults():
    entries = env_example_entries()
    for name in SECRETS:
        assert entries[name].value == "", f"{name} must be empty in .env.example"
    assert entries["DEBUG"].active and entries["DEBUG"].value == "false"
    assert entries["HMS_ADMIN_SIGNUP"].value in {"code", "closed"}
    # The docs are public by default; the example shows the switch, commented out.
    assert not entries["HMS_PUBLIC_API_DOCS"].active
    assert entries["HMS_PUBLIC_API_DOCS"].value == "true"


def test_env_example_with_its_secrets_filled_in_passes_check_deploy():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("HMS_", "DJANGO_", "DATABASE_URL", "CACHE_URL", "CELERY_", "SECRET_KEY")
        )
        and key not in {"DEBUG", "ALLOWED_HOSTS", "TIME_ZONE", "LOG_LEVEL"}
    }
    env.update(
        {entry.name: entry.value for entry in env_example_entries().values() if entry.active}
    )
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        # docker-compose.yml sets them for its redis service; production refuses to start without.
        CACHE_URL="redis://127.0.0.1:6379/0",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/1",
        DJANGO_SETTINGS_MODULE="config.settings.production",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


# --- Dockerfiles --------------------------------------------------------------------------------


def test_backend_image_is_slim_python_311_with_weasyprint_libraries_and_fonts():
    instructions = dockerfile_instructions(BACKEND_DOCKERFILE)
    froms = [args for keyword, args in instructions if keyword == "FROM"]
    assert froms == ["python:3.11-slim-bookworm"]
    runs = " ".join(args for keyword, args in instructions if keyword == "RUN")
    for package in (
        "libpango-1.0-0",
        "libpangoft2-1.0-0",
        "libharfbuzz0b",
        "libharfbuzz-subset0",
        "fonts-noto-core",
        "fonts-noto-cjk",
    ):
        assert re.search(rf"\b{re.escape(package)}\b", runs), package
    assert "pip install --no-cache-dir -r requirements.txt" in runs
    assert "manage.py collectstatic --noinput" in runs


def test_backend_image_runs_gunicorn_as_a_non_root_user_with_workers_from_the_environment():
    instructions = dockerfile_instructions(BACKEND_DOCKERFILE)
    keywords = [keyword for keyword, _ in instructions]
    users = [args for keyword, args in instructions if keyword == "USER"]
    assert users == ["10001:10001"]
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k in {"RUN", "COPY"})
    cmd = json.loads(dict(instructions)["CMD"])
    assert cmd[:2] == ["gunicorn", "config.wsgi:application"]
    assert not {"-w", "--workers"} & set(cmd), "the worker count must come from WEB_CONCURRENCY"
    env = dockerfile_env(BACKEND_DOCKERFILE)
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert env["WEB_CONCURRENCY"].isdigit()
    assert "HEALTHCHECK" in keywords


def test_backend_dockerignore_keeps_local_state_and_secrets_out_of_the_image():
    ignored = set((BACKEND / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".venv/", ".env", "db.sqlite3", "media/", "staticfiles/"} <= ignored


def test_web_image_builds_the_spa_in_node_and_serves_it_from_nginx():
    instructions = dockerfile_instructions(WEB_DOCKERFILE)
    froms = [args for keyword, args in instructions if keyword == "FROM"]
    assert froms[0].startswith("node:") and froms[0].endswith(" AS spa")
    assert froms[-1].startswith("nginx:")
    runs = [args for keyword, args in instructions if keyword == "RUN"]
    assert "npm ci --no-audit --no-fund" in runs and "npm run build" in runs
    copies = [args for keyword, args in instructions if keyword == "COPY"]
    assert "--from=spa /src/frontend/dist/ /usr/share/nginx/html/" in copies
    for source in ("deploy/nginx/templates/", "deploy/nginx/snippets/"):
        assert any(args.startswith(source) for args in copies)
        assert (REPO / source).is_dir()
    ignore = (WEB_DOCKERFILE.parent / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    assert "**/node_modules/" in ignore.split()


def test_every_template_variable_has_a_default_in_the_web_image():
    used = set(re.findall(r"\$\{(HMS_[A-Z0-9_]+)\}", TEMPLATE.read_text(encoding="utf-8")))
    env = dockerfile_env(WEB_DOCKERFILE)
    assert used == {name for name in env if name.startswith("HMS_")}
    assert env["NGINX_ENVSUBST_FILTER"] == "^HMS_"


# --- nginx --------------------------------------------------------------------------------------


def _snippet(name: str) -> str:
    return (NGINX_DIR / "snippets" / name).read_text(encoding="utf-8")


def _csp(name: str) -> dict[str, str]:
    value = re.search(r'Content-Security-Policy "([^"]+)"', _snippet(name))
    assert value
    directives = [part.strip().split(" ", 1) for part in value[1].split(";")]
    return {parts[0]: parts[1] if len(parts) > 1 else "" for parts in directives}


def test_security_headers_are_strict():
    headers = _snippet("security-headers.conf")
    hsts = re.search(r'Strict-Transport-Security "max-age=(\d+)', headers)
    assert hsts and int(hsts[1]) >= 31_536_000
    assert 'X-Content-Type-Options "nosniff" always' in headers
    assert 'Referrer-Policy "same-origin" always' in headers
    assert 'X-Frame-Options "DENY" always' in headers


def test_the_web_app_policy_allows_only_its_own_scripts():
    spa = _csp("csp-spa.conf")
    assert spa["default-src"] == "'self'"
    assert spa["script-src"] == "'self'"
    assert spa["style-src"] == "'self' 'unsafe-inline'"
    assert spa["frame-ancestors"] == "'none'"
    assert spa["object-src"] == "'none'"
    assert _csp("csp-api-docs.conf")["frame-ancestors"] == "'none'"


def test_each_location_that_sets_headers_repeats_the_security_headers():
    # nginx ignores the server's add_header lines in a location that has its own.
    template = TEMPLATE.read_text(encoding="utf-8")
    blocks = re.findall(r"location ([^{]+)\{([^}]*)\}", template)
    assert blocks
    for name, body in blocks:
        if "add_header" in body or "csp-" in body:
            assert "security-headers.conf" in body, f"location {name.strip()}"
    https_server = template.split("listen 443 ssl", 1)[1]
    server_level = re.sub(r"location [^{]+\{[^}]*\}", "", https_server)
    assert "include /etc/nginx/snippets/security-headers.conf;" in server_level
    assert "include /etc/nginx/snippets/csp-spa.conf;" in server_level


def test_api_json_is_compressed_but_never_the_auth_answers():
    template = TEMPLATE.read_text(encoding="utf-8")
    blocks = {
        name.strip(): body for name, body in re.findall(r"location ([^{]+)\{([^}]*)\}", template)
    }
    assert "gzip_types application/json application/problem+json;" in blocks["/api/"]
    assert "gzip off;" in blocks["/api/v1/auth/"]
    assert "proxy-backend.conf" in blocks["/api/v1/auth/"]
    https_server = template.split("listen 443 ssl", 1)[1]
    server_level = re.sub(r"location [^{]+\{[^}]*\}", "", https_server)
    assert "gzip on;" in server_level
    assert "application/json" not in server_level


def test_request_bodies_are_limited_just_above_the_api_limit():
    max_body = dockerfile_env(WEB_DOCKERFILE)["HMS_PROXY_MAX_BODY"]
    assert max_body == "2m"
    assert "client_max_body_size ${HMS_PROXY_MAX_BODY};" in TEMPLATE.read_text(encoding="utf-8")
    api_default = env_example_entries()["HMS_MAX_BODY_BYTES"].value
    assert int(api_default) < 2 * 1024 * 1024


def test_nginx_accepts_the_configuration(tmp_path: Path):
    nginx = nginx_binary()
    if nginx is None:
        pytest.skip("nginx is not installed here (apt-get install nginx-light): syntax unchecked")
    conf = render_nginx(
        tmp_path, backend="127.0.0.1:9", http_port=free_port(), https_port=free_port()
    )
    result = subprocess.run(  # noqa: S603
        [nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


# --- Makefile -----------------------------------------------------------------------------------


def _phony_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    declared = re.search(r"^\.PHONY:(.*)$", text, re.MULTILINE)
    assert declared
    return set(declared[1].split())


def test_make_help_lists_every_target_with_its_description():
    result = subprocess.run(
        ["make", "--no-print-directory", "help"],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    listed = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert set(listed) == _phony_targets()
    assert "e2e" in listed and "install-e2e" in listed
    assert listed["run"].split(None, 1)[1].startswith("Install, migrate, load demo data, serve on")


def _internal_json_answers(template: str) -> dict[str, tuple[int, dict[str, Any]]]:
    answers = {}
    blocks = re.findall(r"location = (/\.hms-errors/[\w-]+) \{(.*?)\n    \}", template, re.DOTALL)
    for uri, body in blocks:
        assert "internal;" in body, uri
        assert "default_type application/json;" in body, uri
        returned = re.search(r"return (\d+) '([^']*)';", body)
        assert returned, uri
        answers[uri] = (int(returned[1]), json.loads(returned[2]))
    return answers


def test_what_nginx_refuses_itself_answers_the_api_error_shape():
    template = TEMPLATE.read_text(encoding="utf-8")
    answers = _internal_json_answers(template)
    assert {uri: (status, body["code"]) for uri, (status, body) in answers.items()} == {
        "/.hms-errors/uri-too-long": (414, "URI_TOO_LONG"),
        "/.hms-errors/bad-request": (400, "BAD_REQUEST"),
        "/.hms-errors/unavailable": (503, "SERVICE_UNAVAILABLE"),
    }
    for _, body in answers.values():
        assert set(body) == {"code", "message", "fields"}
    https_server = template.split("listen 443 ssl", 1)[1]
    assert "error_page 414 /.hms-errors/uri-too-long;" in https_server
    assert "error_page 400 494 /.hms-errors/bad-request;" in https_server
    api = re.search(r"location /api/ \{([^}]*)\}", template)
    assert api and "error_page 502 504 =503 /.hms-errors/unavailable;" in api[1]
    # nginx inherits error_page lines only into locations that set none of their own.
    for name, body in re.findall(r"location ([^{]+)\{([^}]*)\}", template):
        if "error_page" in body and not name.startswith("= /.hms-errors/"):
            assert "error_page 413 @payload_too_large;" in body, name


def test_access_logs_never_print_query_strings():
    template = TEMPLATE.read_text(encoding="utf-8")
    log_format = re.search(r"log_format hms_access ((?:'[^']*'\s*)+);", template)
    assert log_format
    assert "$uri" in log_format[1] and "rid=$request_id" in log_format[1]
    for variable in ("$request ", '$request"', "$request_uri", "$args", "$query_string"):
        assert variable not in log_format[1], variable
    servers = template.split("server {")[1:]
    assert len(servers) == 2
    for server in servers:
        assert "access_log /dev/stdout hms_access;" in server
    for path in (BACKEND_DOCKERFILE, REPO / "deploy" / "serve-production.sh"):
        text = path.read_text(encoding="utf-8")
        log = re.search(r"access-logformat[\"']?,? [\"']?(.+)", text)
        assert log, path
        assert "%(r)s" not in log[1] and "%(q)s" not in log[1] and "%(u)s" not in log[1], path
        assert "%(m)s %(U)s %(H)s" in log[1].replace('\\"', '"'), path
        assert "rid=%({x-request-id}o)s" in log[1], path


def test_the_proxy_hides_each_header_it_sends_itself():
    # Django sends the same headers for the deployment without nginx; one copy must remain.
    proxy = _snippet("proxy-backend.conf")
    sent = set()
    for name in ("security-headers.conf", "csp-spa.conf"):
        sent |= set(re.findall(r"^add_header ([\w-]+) ", _snippet(name), re.MULTILINE))
    assert "Permissions-Policy" in sent and "Content-Security-Policy" in sent
    for header in sent:
        assert f"proxy_hide_header {header};" in proxy, header
